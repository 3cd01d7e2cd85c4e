/**
 * Benchmark 1: apply 500 generated migrations to a fresh PostgreSQL database, whole process,
 * shale against the psql floor and against peers from npm, all on the same SQL.
 * Run alone with `node bench/apply-500.mjs` (after `npm --prefix bench ci`).
 */
import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compare } from "./lib/compare.mjs";
import { generatePostgresMigrations, writeDbmate, writeKnex, writeNodePgMigrate, writePsql, writeShale } from "./lib/generate.mjs";
import { adminSql, createDatabase, dropDatabase } from "./lib/pg.mjs";
import { BENCH_MODULES, SHALE_CLI, benchBin, dbmateBinary, scratchDir } from "./lib/paths.mjs";
import { ms, ratio, resultsTable } from "./lib/report.mjs";
import { capture, summarize, timeCommand } from "./lib/timing.mjs";

export const title = "Apply 500 migrations to a fresh PostgreSQL database";

const COUNT = 500;
const TOOL_TABLES = "^(shale_history|pgmigrations|knex_migrations(_lock)?|schema_migrations)$";

/** What the migrations built, without the tools' own tables: every contender must reach the same. */
const FINGERPRINT_SQL = `SELECT
  (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename !~ '${TOOL_TABLES}') || ' tables, ' ||
  (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name !~ '${TOOL_TABLES}') || ' columns, ' ||
  (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname !~ '_pkey$') || ' indexes, ' ||
  (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype = 'f') || ' foreign keys'`;

export async function run({ runs = Number(process.env.BENCH_RUNS ?? 5), log = (line) => console.error(line) } = {}) {
  const migrations = generatePostgresMigrations(COUNT);
  const work = scratchDir("apply");
  const at = (sub) => join(work.dir, sub);
  try {
    writeShale(at("shale"), migrations);
    writePsql(at("psql"), migrations);
    writeNodePgMigrate(at("node-pg-migrate"), migrations);
    writeKnex(at("knex"), migrations);
    writeKnex(at("knex-each"), migrations, { perMigration: true });
    writeDbmate(at("dbmate"), migrations);
    // knex's CLI wants the knex package installed where the knexfile is, as in a real project.
    for (const dir of ["knex", "knex-each"]) symlinkSync(BENCH_MODULES, join(at(dir), "node_modules"), "dir");

    // Untimed: the reference result (psql on the plain SQL) and the exact SQL shale sends.
    const expected = once((db) => {
      capture("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url, "-f", "all.sql"], { cwd: at("psql") });
      return adminSql(FINGERPRINT_SQL, db.url);
    });
    log(`reference schema: ${expected}`);
    once((db) => {
      const sql = capture("node", [SHALE_CLI, "migrate", "--dry-run", "--url", db.url], { cwd: at("shale") });
      writeFileSync(join(at("psql"), "shale-dry-run.sql"), `${sql}\n`);
    });

    const psql = (file, extra = []) => (db) =>
      timeCommand("psql", ["-X", "-q", ...extra, "-v", "ON_ERROR_STOP=1", "-d", db.url, "-f", file], { cwd: at("psql") });
    const withUrl = (dir, command, args) => (db) => timeCommand(command, args, { cwd: at(dir), env: { DATABASE_URL: db.url } });
    const check = (db) => {
      const got = adminSql(FINGERPRINT_SQL, db.url);
      if (got !== expected) throw new Error(`the database ends up with ${got}, expected ${expected}`);
    };
    let dbmate;
    try {
      dbmate = dbmateBinary();
    } catch (err) {
      dbmate = undefined;
      log(`dbmate binary not found: ${err.message}`);
    }

    const contenders = [
      {
        name: "floor",
        label: "psql -f (floor)",
        note: "the 500 files concatenated, each wrapped in BEGIN/COMMIT: one transaction per migration, no history",
        run: psql("all.sql"),
      },
      {
        name: "psql-1",
        label: "psql -1 -f",
        note: "information: the 500 files in ONE transaction",
        run: psql("all-plain.sql", ["-1"]),
      },
      {
        name: "psql-shale-sql",
        label: "psql -f shale's SQL",
        note: "information: `shale migrate --dry-run` output (history table and rows included) run by psql: the floor for what shale sends",
        run: psql("shale-dry-run.sql"),
      },
      {
        name: "shale",
        label: "**shale migrate**",
        note: "`node dist/cli/main.js migrate --url …`: one transaction per migration with its history row",
        run: (db) => timeCommand("node", [SHALE_CLI, "migrate", "--url", db.url], { cwd: at("shale") }),
      },
      {
        name: "npm-default",
        label: "node-pg-migrate up",
        note: "node-pg-migrate 9 on `.sql` files, its default: all pending migrations in ONE transaction",
        run: withUrl("node-pg-migrate", benchBin("node-pg-migrate"), ["up"]),
      },
      {
        name: "npm-each",
        label: "node-pg-migrate up --no-single-transaction",
        note: "node-pg-migrate 9, one transaction per migration (like shale)",
        run: withUrl("node-pg-migrate", benchBin("node-pg-migrate"), ["up", "--no-single-transaction"]),
      },
      {
        name: "knex-default",
        label: "knex migrate:latest",
        note: "knex 3 with JS files calling knex.raw, its default: the whole batch in ONE transaction",
        run: withUrl("knex", benchBin("knex"), ["migrate:latest"]),
      },
      {
        name: "knex-each",
        label: "knex migrate:latest (per migration)",
        note: "knex 3, `disableTransactions` + `config.transaction = true` in each file: one transaction per migration (like shale)",
        run: withUrl("knex-each", benchBin("knex"), ["migrate:latest"]),
      },
      dbmate
        ? {
            name: "dbmate",
            label: "dbmate migrate",
            note: "dbmate 2 (Go binary from the `dbmate` npm package), `--no-dump-schema`; its default: one transaction per migration",
            run: (db) =>
              timeCommand(dbmate, ["--url", `${db.url}?sslmode=disable`, "--migrations-dir", "db/migrations", "--no-dump-schema", "migrate"], {
                cwd: at("dbmate"),
              }),
          }
        : { name: "dbmate", label: "dbmate migrate", run: () => { throw new Error("dbmate's binary could not be found in bench/node_modules"); } },
    ].map((c) => ({ ...c, check }));

    log(`${title}: ${contenders.length} contenders × ${runs} runs, each on a fresh database`);
    const results = await compare(contenders, {
      rounds: runs,
      setup: () => createDatabase(),
      teardown: (db) => dropDatabase(db.name),
      log,
    });
    return section(results, expected, runs);
  } finally {
    work.remove();
  }
}

/** Runs fn on a scratch database and drops it. */
function once(fn) {
  const db = createDatabase();
  try {
    return fn(db);
  } finally {
    dropDatabase(db.name);
  }
}

function section(results, expected, runs) {
  const stats = (name) => {
    const r = results.find((x) => x.name === name);
    return r && !r.error && r.samples.length ? summarize(r.samples) : undefined;
  };
  const shale = stats("shale");
  /** "1.20× on medians (8.24 s vs 6.89 s), 1.59× on minimums": medians decide, minimums show the noise. */
  const versus = (other) =>
    shale && other
      ? `${ratio(shale.median, other.median)} on medians (${ms(shale.median)} vs ${ms(other.median)}), ${ratio(shale.min, other.min)} on minimums`
      : "not measured";
  const floor = stats("floor");
  const peers = results.filter((r) => /^(npm|knex|dbmate)/.test(r.name));
  const goals = [
    {
      goal: "shale within 1.3× of the `psql -f` floor",
      measured: versus(floor),
      met: shale && floor ? shale.median <= 1.3 * floor.median : false,
    },
    ...peers.map((p) => {
      const other = stats(p.name);
      return {
        goal: `shale faster than ${p.label}`,
        measured: other ? versus(other) : `not measured${p.error ? ": failed" : ""}`,
        met: shale && other ? shale.median < other.median : false,
      };
    }),
  ];
  return {
    title,
    intro:
      `${COUNT} generated migrations (CREATE TABLE with 6-7 columns and 1-2 indexes, foreign keys to earlier tables, ` +
      `ALTER TABLE ADD COLUMN, COMMENT, CREATE INDEX; deterministic), the same SQL for every tool. ` +
      `Whole-process wall time, ${runs} runs each, each run on a fresh database with a random name (created and dropped untimed). ` +
      `Contenders interleaved round by round. Every run is checked to leave the same schema: ${expected}.`,
    table: resultsTable(results, { subject: "shale" }),
    goals,
    notes: results.filter((r) => r.error).map((r) => `${r.label} failed: ${r.error}`),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printSection } = await import("./lib/render.mjs");
  printSection(await run());
}
