/**
 * Benchmark 6: `shale diff` between two 10,000-table PostgreSQL databases (the generated
 * schema and a drifted copy), whole process, next to `pg_dump --schema-only` of both as a
 * reference for just reading them. Both databases are loaded once (untimed, a few minutes);
 * the tools only read them. At the end, untimed: shale's DDL is applied with psql and a
 * second diff must find nothing. Run alone with `node bench/diff-10k.mjs`.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compare } from "./lib/compare.mjs";
import { SHALE_CLI, scratchDir } from "./lib/paths.mjs";
import { dropDatabase } from "./lib/pg.mjs";
import { ms, ratio, resultsTable } from "./lib/report.mjs";
import { loadPostgres, postgresFingerprint, psqlFile } from "./lib/schema-db.mjs";
import { describeDrift, describeModel, driftSchemaModel, expectedChanges, generateSchemaModel } from "./lib/schema-gen.mjs";
import { capture, summarize, timeCommand } from "./lib/timing.mjs";

export const title = "`shale diff` between two 10,000-table PostgreSQL databases";

const TABLES = 10000;
const GOAL_MS = 10000;

export async function run({ runs = Number(process.env.BENCH_DIFF10K_RUNS ?? 3), tables = TABLES, log = (line) => console.error(line) } = {}) {
  const base = generateSchemaModel({ tables });
  const drift = driftSchemaModel(base);
  const work = scratchDir("diff-10k");
  const dbs = [];
  try {
    log(`${title}: loading the two databases (untimed, a few minutes)…`);
    const from = loadPostgres(base, work.dir, "from");
    dbs.push(from);
    const to = loadPostgres(drift.model, work.dir, "to");
    dbs.push(to);
    log(`loaded in ${ms(from.loadMs)} and ${ms(to.loadMs)}`);
    const shale = (args) => () => timeCommand("node", [SHALE_CLI, ...args], { cwd: work.dir });
    const contenders = [
      {
        name: "floor",
        label: "pg_dump --schema-only of both",
        note: "reference: PostgreSQL's own dump of each database, one after the other, to /dev/null",
        run: () => timeCommand("sh", ["-c", 'pg_dump --schema-only -d "$1" && pg_dump --schema-only -d "$2"', "sh", from.url, to.url]),
      },
      {
        name: "shale",
        label: "**shale diff**",
        note: "`node dist/cli/main.js diff --from URL --to URL`: inspect both, diff, plan, render the SQL, to /dev/null",
        run: shale(["diff", "--from", from.url, "--to", to.url]),
      },
      {
        name: "pull",
        label: "shale pull (one database)",
        note: "information: `shale pull --format sql` of the `from` database alone",
        run: shale(["pull", "--format", "sql", "--url", from.url]),
      },
    ];
    log(`${title}: ${contenders.length} contenders × ${runs} runs`);
    const results = await compare(contenders, { rounds: runs, log });
    const convergence = converge(from, to, work.dir, { expected: expectedChanges(base, drift, "postgres"), viewsChanged: drift.counts.viewsChanged }, log);
    return section(results, base, drift, runs, [from, to], convergence);
  } finally {
    for (const db of dbs) dropDatabase(db.name);
    work.remove();
  }
}

/** Untimed: apply shale's DDL to `from` with psql; the databases must then be equal. */
function converge(from, to, dir, { expected, viewsChanged }, log) {
  const file = join(dir, "diff.sql");
  try {
    const { summary } = JSON.parse(capture("node", [SHALE_CLI, "diff", "--from", from.url, "--to", to.url, "--json"], { cwd: dir }));
    // Views are counted apart: the planner drops and recreates those that read an altered
    // table, and a changed view among them is then recreated rather than replaced.
    const kind = (k) => summary.byKind[k] ?? 0;
    const viewSteps = kind("drop-view") + kind("create-view") + kind("replace-view");
    const found = summary.changes - viewSteps;
    const wanted = expected - viewsChanged;
    const start = process.hrtime.bigint();
    capture("node", [SHALE_CLI, "diff", "--from", from.url, "--to", to.url, "--out", file], { cwd: dir });
    const diffMs = Number(process.hrtime.bigint() - start) / 1e6;
    const applyStart = process.hrtime.bigint();
    psqlFile(from.url, file);
    const applyMs = Number(process.hrtime.bigint() - applyStart) / 1e6;
    const again = JSON.parse(capture("node", [SHALE_CLI, "diff", "--from", from.url, "--to", to.url, "--json"], { cwd: dir }));
    const left = again.summary.changes;
    const a = postgresFingerprint(from.url);
    const b = postgresFingerprint(to.url);
    return (
      `shale diff found ${found} changes to objects other than views, ${found === wanted ? "as many as the generator made" : `**the generator made ${wanted}**`}, ` +
      `and ${kind("replace-view")} views replaced, ${kind("drop-view")} dropped and ${kind("create-view")} created (the generator changed ${viewsChanged}); ` +
      `its DDL (written in ${ms(diffMs)}) applied with \`psql -f\` in ${ms(applyMs)}; a second \`shale diff\` then reports ${left} changes; ` +
      (a === b ? `both databases hold ${a}` : `**the databases still differ: ${a} against ${b}**`)
    );
  } catch (err) {
    log(`convergence check failed: ${err.message}`);
    return `**convergence check failed: ${String(err.message).split("\n").slice(0, 3).join(" ").slice(0, 300)}**`;
  }
}

function section(results, base, drift, runs, dbs, convergence) {
  const stats = (name) => {
    const r = results.find((x) => x.name === name);
    return r && !r.error && r.samples.length ? summarize(r.samples) : undefined;
  };
  const shale = stats("shale");
  const floor = stats("floor");
  return {
    title,
    intro:
      `The generated schema at ${base.tables.length.toLocaleString("en-US")} tables (${describeModel(base)}) in one database and a drifted copy ` +
      `(${describeDrift(drift.counts)}) in another, each loaded once with \`psql -f\` (untimed). Whole-process wall time, ${runs} runs each, interleaved.`,
    table: resultsTable(results, { subject: "shale", ratioHeader: "shale diff ÷ this" }),
    goals: [
      {
        goal: `shale diff of two 10,000-table databases under ${ms(GOAL_MS)}`,
        measured: shale ? `${ms(shale.median)} median, ${ms(shale.min)} min${floor ? `; ${ratio(shale.median, floor.median)} of pg_dump of both` : ""}` : "not measured",
        met: shale !== undefined && shale.median < GOAL_MS,
      },
    ],
    notes: [
      `Set-up: the databases loaded in ${ms(dbs[0].loadMs)} and ${ms(dbs[1].loadMs)}.`,
      convergence,
      ...results.filter((r) => r.error).map((r) => `${r.label} failed: ${r.error.replace(/\n.*/s, "")}`),
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printSection } = await import("./lib/render.mjs");
  printSection(await run());
}
