/**
 * Benchmark 2: `shale status` with 5,000 applied migrations, whole process, on SQLite and
 * PostgreSQL. The 5,000 migrations are recorded once with `shale mark-applied --to 5000`
 * (untimed set-up: the history rows are the ones `migrate` writes, without 5,000 commits);
 * status is read-only, so its runs share that database, which is removed at the end.
 * Run alone with `node bench/status-5000.mjs`.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compare } from "./lib/compare.mjs";
import { generateTinyMigrations, writeShale } from "./lib/generate.mjs";
import { createDatabase, dropDatabase } from "./lib/pg.mjs";
import { BENCH_DIR, SHALE_CLI, scratchDir } from "./lib/paths.mjs";
import { ms, resultsTable } from "./lib/report.mjs";
import { summarize, timeCommand } from "./lib/timing.mjs";

export const title = "`shale status` with 5,000 applied migrations";

const COUNT = 5000;
const GOAL_MS = 500;
const MINIMAL = join(BENCH_DIR, "lib", "minimal-status.mjs");

export async function run({ runs = Number(process.env.BENCH_STATUS_RUNS ?? 10), log = (line) => console.error(line) } = {}) {
  const work = scratchDir("status");
  const folder = join(work.dir, "db", "migrations");
  writeShale(work.dir, generateTinyMigrations(COUNT));
  const results = [];
  const setups = [];
  let pgDb;
  try {
    const targets = [
      { dialect: "sqlite", label: "SQLite", url: () => `sqlite:./bench-${randomBytes(6).toString("hex")}.db` },
      {
        dialect: "postgres",
        label: "PostgreSQL",
        url: () => {
          pgDb = createDatabase();
          return pgDb.url;
        },
      },
    ];
    for (const t of targets) {
      const url = t.url();
      const driverTarget = t.dialect === "sqlite" ? join(work.dir, url.slice("sqlite:".length)) : url;
      log(`${t.label}: recording ${COUNT} migrations with shale mark-applied (untimed set-up)…`);
      const setup = timeCommand("node", [SHALE_CLI, "mark-applied", "--to", String(COUNT), "--url", url], { cwd: work.dir });
      setups.push(`${t.label}: set-up \`shale mark-applied --to ${COUNT}\` took ${ms(setup.ms)}, once, untimed`);
      const shale = (extra = []) => () => timeCommand("node", [SHALE_CLI, "status", "--url", url, ...extra], { cwd: work.dir });
      const contenders = [
        {
          name: `shale-${t.dialect}`,
          label: `**shale status** (${t.label})`,
          note: "`node dist/cli/main.js status --url …`, the table to /dev/null",
          run: shale(),
        },
        {
          name: `shale-json-${t.dialect}`,
          label: `shale status --json (${t.label})`,
          note: "information: the same as one JSON document",
          run: shale(["--json"]),
        },
        {
          name: `minimal-${t.dialect}`,
          label: `minimal status script (${t.label})`,
          note: "reference: Node + driver, read the history, read and SHA-256 the 5,000 files, match (bench/lib/minimal-status.mjs)",
          run: () => timeCommand("node", [MINIMAL, t.dialect, driverTarget, folder], { cwd: work.dir }),
        },
      ];
      log(`${title}, ${t.label}: ${contenders.length} contenders × ${runs} runs`);
      results.push(...(await compare(contenders, { rounds: runs, log })));
      if (pgDb && t.dialect === "postgres") {
        dropDatabase(pgDb.name);
        pgDb = undefined;
      }
    }
  } finally {
    if (pgDb) dropDatabase(pgDb.name);
    work.remove();
  }
  const goals = ["sqlite", "postgres"].map((dialect) => {
    const r = results.find((x) => x.name === `shale-${dialect}`);
    const m = r && !r.error ? summarize(r.samples).median : undefined;
    return {
      goal: `shale status under ${GOAL_MS} ms (${dialect === "sqlite" ? "SQLite" : "PostgreSQL"})`,
      measured: m === undefined ? "not measured" : `${ms(m)} median, ${ms(summarize(r.samples).min)} min`,
      met: m !== undefined && m < GOAL_MS,
    };
  });
  const table = ["sqlite", "postgres"]
    .map((d) => resultsTable(results.filter((r) => r.name.endsWith(`-${d}`)), { subject: `shale-${d}`, ratioHeader: "shale status ÷ this" }))
    .join("\n\n");
  return {
    title,
    intro:
      `${COUNT} migrations \`CREATE TABLE t<n> (id int);\`, all recorded as applied (\`mark-applied --to ${COUNT}\`, untimed). Whole-process wall time of \`shale status\`, ${runs} runs each, ` +
      "interleaved with the references; CPU is the user+system time of the process.",
    table,
    goals,
    notes: [...setups, ...results.filter((r) => r.error).map((r) => `${r.label} failed: ${r.error}`)],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printSection } = await import("./lib/render.mjs");
  printSection(await run());
}
