// `init` and `newMigration`: the files they write and refuse to overwrite, UTC timestamp versions, and (per dialect) a fresh project whose TypeScript template migrates and undoes.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { init, migrate, newMigration, status, undo } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

/** 2026-11-21 09:30:00 UTC. */
const NOW = new Date(Date.UTC(2026, 10, 21, 9, 30, 0));

/** Awaits a synchronous call as a promise, so `rejectsWith` can check what it throws. */
async function call<T>(fn: () => T): Promise<T> {
  return fn();
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe("init and new (files only)", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "shale-f-"));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("init writes a SQLite project by default", () => {
    const r = init({ cwd: dir });
    assert.equal(r.dialect, "sqlite");
    assert.deepEqual([...r.created].sort(), ["db/migrations/.gitkeep", "db/schema.sql", "db/seeds/.gitkeep", "shale.config.ts"]);
    const config = readFileSync(join(dir, "shale.config.ts"), "utf8");
    assert.match(config, /dialect: "sqlite"/);
    assert.match(config, /migrations: "db\/migrations"/);
    assert.match(config, /seeds: "db\/seeds"/);
  });

  it("init keeps files that are already there", () => {
    writeFileSync(join(dir, "README.md"), "mine\n");
    init({ cwd: dir });
    writeFileSync(join(dir, "db/schema.sql"), "-- my schema\n");
    rmSync(join(dir, "shale.config.ts"));
    const r = init({ cwd: dir });
    assert.deepEqual(r.created, ["shale.config.ts"]);
    assert.equal(readFileSync(join(dir, "db/schema.sql"), "utf8"), "-- my schema\n");
  });

  it("init refuses to overwrite an existing config, of any kind, and writes nothing", async () => {
    for (const name of ["shale.config.ts", "shale.config.json", "shale.config.mjs"]) {
      const folder = mkdtempSync(join(dir, "p-"));
      writeFileSync(join(folder, name), "{}\n");
      const err = await rejectsWith(call(() => init({ cwd: folder, dialect: "postgres" })), "SHALE_E_FILE_EXISTS");
      assert.equal(err.file, name);
      assert.deepEqual(listFiles(folder), [name], "no folder, no schema file");
      assert.equal(readFileSync(join(folder, name), "utf8"), "{}\n");
    }
  });

  it("init refuses an unknown dialect", async () => {
    await rejectsWith(call(() => init({ cwd: dir, dialect: "oracle" as DialectName })), "SHALE_E_USAGE");
    assert.deepEqual(listFiles(dir), []);
  });

  it("new names the file with the UTC timestamp and a slug of the description", async () => {
    const r = await newMigration({ cwd: dir, description: "Add posts table!", now: NOW });
    assert.equal(r.version, "20261121093000");
    assert.deepEqual(r.files, ["db/migrations/V20261121093000__Add_posts_table.sql"]);
    assert.equal(readFileSync(join(dir, r.files[0]!), "utf8"), "-- Add posts table!\n");
  });

  it("new uses UTC whatever the local time zone", async () => {
    const saved = process.env.TZ;
    process.env.TZ = "Asia/Tokyo";
    try {
      // 00:30 on 1 January in UTC+2 is still 2025 in UTC.
      const r = await newMigration({ cwd: dir, description: "new year", now: new Date("2026-01-01T00:30:00+02:00") });
      assert.equal(r.version, "20251231223000");
      assert.deepEqual(r.files, ["db/migrations/V20251231223000__new_year.sql"]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("new in the same second takes the next free second", async () => {
    const a = await newMigration({ cwd: dir, description: "one", now: NOW });
    const b = await newMigration({ cwd: dir, description: "two", now: NOW });
    const c = await newMigration({ cwd: dir, description: "three", now: new Date(NOW.getTime() + 400) });
    assert.deepEqual([a.version, b.version, c.version], ["20261121093000", "20261121093001", "20261121093002"]);
    assert.deepEqual(listFiles(join(dir, "db/migrations")), [
      "V20261121093000__one.sql",
      "V20261121093001__two.sql",
      "V20261121093002__three.sql",
    ]);
  });

  it("new --undo writes the U file with the same version", async () => {
    const r = await newMigration({ cwd: dir, description: "add posts", undo: true, now: NOW });
    assert.deepEqual(r.files, ["db/migrations/V20261121093000__add_posts.sql", "db/migrations/U20261121093000__add_posts.sql"]);
    assert.match(readFileSync(join(dir, r.files[1]!), "utf8"), /^-- Undo of V20261121093000/);
    // A version held only by an undo file is taken too.
    rmSync(join(dir, r.files[0]!));
    const next = await newMigration({ cwd: dir, description: "other", now: NOW });
    assert.equal(next.version, "20261121093001");
  });

  it("new --ts writes a TypeScript migration with up and down, and no U file", async () => {
    const r = await newMigration({ cwd: dir, description: "backfill", language: "ts", undo: true, now: NOW });
    assert.deepEqual(r.files, ["db/migrations/V20261121093000__backfill.ts"]);
    const text = readFileSync(join(dir, r.files[0]!), "utf8");
    assert.match(text, /export async function up\(ctx: MigrationContext\)/);
    assert.match(text, /export async function down\(ctx: MigrationContext\)/);
  });

  it("new --repeatable writes an R file without a version, in SQL or TypeScript", async () => {
    const sql = await newMigration({ cwd: dir, description: "user views", repeatable: true, now: NOW });
    assert.equal(sql.version, null);
    assert.deepEqual(sql.files, ["db/migrations/R__user_views.sql"]);
    const ts = await newMigration({ cwd: dir, description: "grants", repeatable: true, language: "ts", now: NOW });
    assert.deepEqual(ts.files, ["db/migrations/R__grants.ts"]);
    const text = readFileSync(join(dir, ts.files[0]!), "utf8");
    assert.match(text, /export async function up/);
    assert.doesNotMatch(text, /function down/, "a repeatable is never undone");
  });

  it("new refuses to overwrite an existing repeatable", async () => {
    await newMigration({ cwd: dir, description: "user views", repeatable: true });
    writeFileSync(join(dir, "db/migrations/R__user_views.sql"), "CREATE VIEW v AS SELECT 1;\n");
    const err = await rejectsWith(newMigration({ cwd: dir, description: "user views", repeatable: true }), "SHALE_E_FILE_EXISTS");
    assert.match(err.file ?? "", /R__user_views\.sql$/);
    assert.equal(readFileSync(join(dir, "db/migrations/R__user_views.sql"), "utf8"), "CREATE VIEW v AS SELECT 1;\n");
  });

  it("new refuses a description without letters or digits, and --repeatable with --undo", async () => {
    await rejectsWith(newMigration({ cwd: dir, description: "  --- !! " }), "SHALE_E_USAGE");
    await rejectsWith(newMigration({ cwd: dir, description: "views", repeatable: true, undo: true }), "SHALE_E_USAGE");
    assert.deepEqual(listFiles(join(dir, "db/migrations")), []);
  });

  it("new writes into the context's migrations folder from the config", async () => {
    writeFileSync(
      join(dir, "shale.config.json"),
      JSON.stringify({ contexts: { main: { migrations: "sql/main" }, audit: { migrations: "sql/audit" } } }),
    );
    const main = await newMigration({ cwd: dir, description: "a", now: NOW });
    const audit = await newMigration({ cwd: dir, description: "b", context: "audit", now: NOW });
    assert.deepEqual(main.files, ["sql/main/V20261121093000__a.sql"]);
    assert.deepEqual(audit.files, ["sql/audit/V20261121093000__b.sql"], "versions are per folder");
    await rejectsWith(newMigration({ cwd: dir, description: "c", context: "nope" }), "SHALE_E_UNKNOWN_CONTEXT");
  });
});

describeEachDialect("init and new (fresh project)", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect);

  it("init's config loads and names the dialect", async () => {
    const r = init({ cwd: fx.project.dir, dialect });
    assert.equal(r.dialect, dialect);
    assert.match(readFileSync(join(fx.project.dir, "shale.config.ts"), "utf8"), new RegExp(`dialect: "${dialect}"`));
    const s = await status(fx.project.options);
    assert.deepEqual([s.context, s.current, s.migrations], ["main", null, []]);
    const other = dialect === "postgres" ? "mysql://root@127.0.0.1:3306/x" : "postgres://postgres@127.0.0.1:5432/x";
    await rejectsWith(status({ cwd: fx.project.dir, url: other }), "SHALE_E_DIALECT_MISMATCH");
  });

  it("the TypeScript template of a new migration migrates and undoes", async () => {
    init({ cwd: fx.project.dir, dialect });
    const created = await newMigration({ cwd: fx.project.dir, description: "first step", language: "ts", now: NOW });
    const m = await migrate(fx.project.options);
    assert.deepEqual(m.applied.map((a) => [a.script, a.type]), [["V20261121093000__first_step.ts", "ts"]]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), [created.version]);
    const u = await undo(fx.project.options);
    assert.deepEqual(u.reverted.map((a) => a.version), [created.version]);
    assert.deepEqual(await historyRows(fx.conn), []);
    assert.deepEqual((await status(fx.project.options)).migrations.map((x) => x.state), ["pending"]);
  });

  it("the SQL templates must be filled in before they run", async () => {
    init({ cwd: fx.project.dir, dialect });
    await newMigration({ cwd: fx.project.dir, description: "todo", undo: true, now: NOW });
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_EMPTY_MIGRATION");
    assert.match(err.file ?? "", /V20261121093000__todo\.sql$/);
  });
});
