/**
 * Benchmark 5: diff two 1,000-table schemas in memory. Each database (the generated schema,
 * and a drifted copy: a few percent of its columns and indexes changed) is inspected once;
 * then `diffSchemas` from dist (diff, plan and render) runs N times on the two IRs, in a child
 * process of its own. PostgreSQL and MariaDB. Run alone with `node bench/diff-memory.mjs`.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { dropMysqlDatabase } from "./lib/mysql.mjs";
import { BENCH_DIR, scratchDir } from "./lib/paths.mjs";
import { dropDatabase } from "./lib/pg.mjs";
import { ms, resultsTable } from "./lib/report.mjs";
import { loadMysql, loadPostgres } from "./lib/schema-db.mjs";
import { describeDrift, describeModel, driftSchemaModel, expectedChanges, generateSchemaModel } from "./lib/schema-gen.mjs";
import { capture, summarize } from "./lib/timing.mjs";

export const title = "Diff two 1,000-table schemas in memory";

const TABLES = 1000;
const GOAL_MS = 100;
const TIMINGS = join(BENCH_DIR, "lib", "schema-timings.mjs");

export async function run({ runs = Number(process.env.BENCH_DIFF_RUNS ?? 20), log = (line) => console.error(line) } = {}) {
  const base = generateSchemaModel({ tables: TABLES });
  const drift = driftSchemaModel(base);
  const work = scratchDir("diff-memory");
  const live = [];
  const measured = [];
  try {
    for (const dialect of ["postgres", "mysql"]) {
      const label = dialect === "postgres" ? "PostgreSQL" : "MariaDB";
      const load = dialect === "postgres" ? loadPostgres : loadMysql;
      log(`${title}, ${label}: loading both schemas (untimed)…`);
      const from = load(base, work.dir, "from");
      live.push({ dialect, db: from });
      const to = load(drift.model, work.dir, "to");
      live.push({ dialect, db: to });
      log(`${label}: diffSchemas × ${runs} in a child process…`);
      try {
        measured.push({ dialect, label, ...JSON.parse(capture("node", [TIMINGS, "diff", from.url, to.url, String(runs)])) });
      } catch (err) {
        measured.push({ dialect, label, error: String(err.message ?? err) });
      }
      while (live.length) drop(live.pop());
    }
    return section(measured, base, drift, runs);
  } finally {
    while (live.length) drop(live.pop());
    work.remove();
  }
}

function drop({ dialect, db }) {
  if (dialect === "postgres") dropDatabase(db.name);
  else dropMysqlDatabase(db.name);
}

function section(measured, base, drift, runs) {
  const results = [];
  const goals = [];
  const notes = [`The drifted copy: ${describeDrift(drift.counts)}; a changed index is a drop and a create, and on MariaDB a changed enum changes each column of it.`];
  for (const m of measured) {
    if (m.error) {
      results.push({ name: `diff-${m.dialect}`, label: `**diffSchemas** (${m.label})`, error: m.error });
      goals.push({ goal: `diff two 1,000-table schemas in memory under ${GOAL_MS} ms (${m.label})`, measured: "not measured: failed", met: false });
      notes.push(`${m.label} failed: ${m.error.split("\n").slice(0, 4).join(" ")}`);
      continue;
    }
    results.push(
      {
        name: `diff-${m.dialect}`,
        label: `**diffSchemas** (${m.label})`,
        note: `diff + plan + render, the drifted pair: ${m.changes} changes, ${m.steps} plan steps, ${m.statements} statements (${m.destructive} destructive); first call ${ms(m.first)}`,
        samples: m.samples,
      },
      {
        name: `same-${m.dialect}`,
        label: `diffSchemas, identical schemas (${m.label})`,
        note: "information: a schema against a deep copy of itself (0 changes)",
        samples: m.identical,
      },
    );
    const s = summarize(m.samples);
    goals.push({
      goal: `diff two 1,000-table schemas in memory under ${GOAL_MS} ms (${m.label})`,
      measured: `${ms(s.median)} median, ${ms(s.min)} min`,
      met: s.median < GOAL_MS,
    });
    const expected = expectedChanges(base, drift, m.dialect);
    notes.push(
      `${m.label}: inspected once each in ${ms(m.inspect.from)} and ${ms(m.inspect.to)} (${m.from.tables} and ${m.to.tables} tables); ` +
        `${m.changes} changes found, ${m.changes === expected ? "as many as the generator made" : `**the generator made ${expected}**`} (` +
        Object.entries(m.kinds).map(([k, n]) => `${k} ${n}`).join(", ") +
        ")",
    );
  }
  return {
    title,
    intro:
      `The generated schema of the inspect benchmark (${describeModel(base)}) and a drifted copy, each loaded into its own database and inspected once; ` +
      `then \`diffSchemas\` (dist/api/schema-diff.js: diff, plan and render) timed ${runs} times in one process with \`process.hrtime.bigint()\`, after a first call reported apart.`,
    table: measured
      .filter((m) => !m.error)
      .map((m) => resultsTable(results.filter((r) => r.name.endsWith(`-${m.dialect}`)), { subject: `diff-${m.dialect}`, ratioHeader: "diffSchemas ÷ this" }))
      .join("\n\n"),
    goals,
    notes,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printSection } = await import("./lib/render.mjs");
  printSection(await run());
}
