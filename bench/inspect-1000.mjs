/**
 * Benchmark 4: read a generated 1,000-table schema out of a live database, whole process:
 * `shale pull --format sql` against `pg_dump --schema-only` (the floor) and `drizzle-kit pull`
 * on PostgreSQL, against `mysqldump --no-data` (and drizzle-kit) on MariaDB; plus shale's
 * in-process inspect time. The schema is loaded once per dialect (untimed); every tool only
 * reads it, so all runs share it. Run alone with `node bench/inspect-1000.mjs`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compare } from "./lib/compare.mjs";
import { drizzleKitVersion, drizzlePull } from "./lib/drizzle.mjs";
import { createMysqlDatabase, dropMysqlDatabase, mysqlArgs, mysqlScript } from "./lib/mysql.mjs";
import { BENCH_DIR, SHALE_CLI, scratchDir } from "./lib/paths.mjs";
import { createDatabase, dropDatabase } from "./lib/pg.mjs";
import { ms, ratio, resultsTable } from "./lib/report.mjs";
import { loadMysql, loadPostgres, mysqlFingerprint, postgresFingerprint, psqlFile } from "./lib/schema-db.mjs";
import { describeModel, generateSchemaModel } from "./lib/schema-gen.mjs";
import { capture, summarize, timeCommand } from "./lib/timing.mjs";

export const title = "Inspect a 1,000-table schema (`shale pull`)";

const TABLES = 1000;
const TIMINGS = join(BENCH_DIR, "lib", "schema-timings.mjs");

export async function run({
  runs = Number(process.env.BENCH_SCHEMA_RUNS ?? 5),
  drizzleRuns = Number(process.env.BENCH_DRIZZLE_RUNS ?? 1),
  log = (line) => console.error(line),
} = {}) {
  const model = generateSchemaModel({ tables: TABLES });
  const work = scratchDir("inspect");
  const dbs = [];
  try {
    const sections = [];
    for (const dialect of ["postgres", "mysql"]) {
      log(`${title}, ${dialect}: loading the schema (untimed)…`);
      const db = dialect === "postgres" ? loadPostgres(model, work.dir, "schema") : loadMysql(model, work.dir, "schema");
      dbs.push({ dialect, db });
      sections.push(await measure(dialect, db, { work: work.dir, runs, drizzleRuns, log }));
      drop(dbs.pop());
    }
    return section(sections, model, runs, drizzleRuns);
  } finally {
    for (const d of dbs) drop(d);
    work.remove();
  }
}

function drop({ dialect, db }) {
  if (dialect === "postgres") dropDatabase(db.name);
  else dropMysqlDatabase(db.name);
}

async function measure(dialect, db, { work, runs, drizzleRuns, log }) {
  const label = dialect === "postgres" ? "PostgreSQL" : "MariaDB";
  const shale = (extra = []) => () => timeCommand("node", [SHALE_CLI, "pull", "--format", "sql", "--url", db.url, ...extra], { cwd: work });
  const floor =
    dialect === "postgres"
      ? { name: "floor", label: "pg_dump --schema-only (floor)", note: "PostgreSQL's own dump of the schema, to /dev/null", run: () => timeCommand("pg_dump", ["--schema-only", "-d", db.url]) }
      : { name: "floor", label: "mysqldump --no-data (floor)", note: "MariaDB's own dump of the schema (its defaults: SHOW CREATE TABLE per table), to /dev/null", run: () => timeCommand("mysqldump", [...mysqlArgs(), "--no-data", db.name]) };
  const version = drizzleKitVersion();
  const contenders = [
    floor,
    { name: "shale", label: `**shale pull** (${label})`, note: "`node dist/cli/main.js pull --format sql --url …`: inspect, plan, render loadable DDL, to /dev/null", run: shale() },
    {
      name: "drizzle",
      label: `drizzle-kit pull (${label})`,
      note: `drizzle-kit ${version ?? "?"} with drizzle-orm: introspects and writes schema.ts, relations.ts and a SQL snapshot; ${drizzleRuns} run${drizzleRuns === 1 ? "" : "s"} (it is slow)`,
      runs: drizzleRuns,
      run: version ? drizzlePull(join(work, `drizzle-${dialect}`), dialect === "postgres" ? "postgresql" : "mysql", db.url) : () => { throw new Error("drizzle-kit is not installed in bench/node_modules"); },
    },
  ].filter((c) => c.runs !== 0);
  log(`${title}, ${label}: ${contenders.length} contenders × ${runs} runs (drizzle-kit ${drizzleRuns})`);
  const results = await compare(contenders, { rounds: runs, log });
  log(`${label}: inspectSchema in process…`);
  const inProcess = JSON.parse(capture("node", [TIMINGS, "inspect", db.url, String(Math.max(runs, 5))]));
  results.push({
    name: "in-process",
    label: `inspectSchema in process (${label})`,
    note: `information: \`inspectSchema\` from dist on an open connection, median of ${inProcess.samples.length} after a first call of ${ms(inProcess.first)}; read ${inProcess.schema.tables} tables, ${inProcess.schema.columns} columns, ${inProcess.schema.indexes} indexes`,
    samples: inProcess.samples,
    cpu: [],
  });
  return { dialect, label, results, loadMs: db.loadMs, roundTrip: pullRoundTrip(dialect, db, work, log) };
}

/** Untimed check: shale's pull output loads into an empty database and gives the same schema. */
function pullRoundTrip(dialect, db, work, log) {
  try {
    const file = join(work, `pulled-${dialect}.sql`);
    capture("node", [SHALE_CLI, "pull", "--format", "sql", "--url", db.url, "--out", file], { cwd: work });
    const source = dialect === "postgres" ? postgresFingerprint(db.url) : mysqlFingerprint(db.name);
    const copy = dialect === "postgres" ? createDatabase() : createMysqlDatabase();
    try {
      if (dialect === "postgres") psqlFile(copy.url, file);
      else mysqlScript(copy.name, readFileSync(file, "utf8"));
      const loaded = dialect === "postgres" ? postgresFingerprint(copy.url) : mysqlFingerprint(copy.name);
      return loaded === source ? `loads into an empty database and gives the same ${source}` : `**loads, but gives ${loaded}; the source has ${source}**`;
    } finally {
      if (dialect === "postgres") dropDatabase(copy.name);
      else dropMysqlDatabase(copy.name);
    }
  } catch (err) {
    log(`pull round trip (${dialect}) failed: ${err.message}`);
    return `**does not load back: ${String(err.message).split("\n").slice(0, 3).join(" ").slice(0, 300)}**`;
  }
}

function section(measured, model, runs, drizzleRuns) {
  const goals = [];
  const notes = [];
  for (const m of measured) {
    const stats = (name) => {
      const r = m.results.find((x) => x.name === name);
      return r && !r.error && r.samples.length ? summarize(r.samples) : undefined;
    };
    const shale = stats("shale");
    const floor = stats("floor");
    const drizzle = stats("drizzle");
    const floorName = m.dialect === "postgres" ? "`pg_dump --schema-only`" : "`mysqldump --no-data`";
    goals.push({
      goal: `shale pull at most 1.0× ${floorName} (${m.label})`,
      measured: shale && floor ? `${ratio(shale.median, floor.median)} on medians (${ms(shale.median)} vs ${ms(floor.median)}), ${ratio(shale.min, floor.min)} on minimums` : "not measured",
      met: shale && floor ? shale.median <= floor.median : false,
    });
    if (m.dialect === "postgres" || drizzle) {
      goals.push({
        goal: `shale pull at least 10× faster than drizzle-kit pull (${m.label})`,
        measured: shale && drizzle ? `${ratio(drizzle.median, shale.median)} faster (${ms(drizzle.median)} vs ${ms(shale.median)})` : `not measured${m.results.some((r) => r.name === "drizzle") ? ": drizzle-kit failed" : " (BENCH_DRIZZLE_RUNS=0)"}`,
        met: shale && drizzle ? drizzle.median >= 10 * shale.median : false,
      });
    }
    notes.push(`${m.label}: the schema loaded in ${ms(m.loadMs)} (untimed); shale pull's output ${m.roundTrip}`);
    notes.push(...m.results.filter((r) => r.error).map((r) => `${r.label} failed: ${r.error.replace(/\n.*/s, "")}`));
  }
  return {
    title,
    intro:
      `A generated schema (bench/lib/schema-gen.mjs): ${describeModel(model)}; ` +
      "on MariaDB the enums are inline ENUM columns. Loaded once per database (untimed); every contender only reads it. " +
      `Whole-process wall time, ${runs} runs each (drizzle-kit ${drizzleRuns}), interleaved round by round; CPU is the process's own (not the server's).`,
    table: measured.map((m) => resultsTable(m.results, { subject: "shale", ratioHeader: "shale ÷ this" })).join("\n\n"),
    goals,
    notes,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printSection } = await import("./lib/render.mjs");
  printSection(await run());
}
