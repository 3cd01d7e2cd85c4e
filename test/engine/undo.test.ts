// `undo` through the library API, once per dialect: steps, --to, TypeScript down, refusals that change nothing, dry run, baselines, protected environments.
import assert from "node:assert/strict";
import { it } from "node:test";
import { baseline, migrate, status, undo, validate } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows, tableNames, snapshot, type Snapshot } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("undo", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, {
    "db/migrations/V1__create_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n",
    "db/migrations/U1__create_users.sql": "DROP TABLE users;\n",
    "db/migrations/V2__create_posts.sql": "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n",
    "db/migrations/U2__create_posts.sql": "DROP TABLE posts;\n",
    "db/migrations/V3__create_tags.sql": "CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(50));\n",
    "db/migrations/U3__create_tags.sql": "-- tags go\nDROP TABLE tags;\n",
  });

  /** Tables and history rows: what a refused command must leave exactly as it was. */
  const snapshotNow = (): Promise<Snapshot> => snapshot(fx.conn, dialect);

  async function versions(): Promise<unknown[]> {
    return (await historyRows(fx.conn)).map((r) => r.version);
  }

  it("reverts the newest migration with its U file by default, and migrate re-applies it", async () => {
    await migrate(fx.project.options);
    const r = await undo(fx.project.options);
    assert.equal(r.dryRun, false);
    assert.deepEqual(r.reverted.map((x) => [x.script, x.version, x.type]), [["U3__create_tags.sql", "3", "sql"]]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["posts", "shale_history", "users"]);
    assert.deepEqual(await versions(), ["1", "2"]);
    const s = await status(fx.project.options);
    assert.equal(s.current, "2");
    assert.deepEqual(s.migrations.map((m) => [m.version, m.state]), [["1", "applied"], ["2", "applied"], ["3", "pending"]]);
    const again = await migrate(fx.project.options);
    assert.deepEqual(again.applied.map((a) => a.version), ["3"]);
    assert.ok((await tableNames(fx.conn, dialect)).includes("tags"));
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("steps: 2 reverts the two newest, newest first", async () => {
    await migrate(fx.project.options);
    const r = await undo({ ...fx.project.options, steps: 2 });
    assert.deepEqual(r.reverted.map((x) => x.version), ["3", "2"]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["shale_history", "users"]);
    assert.deepEqual(await versions(), ["1"]);
  });

  it("to: \"1\" reverts everything above version 1", async () => {
    await migrate(fx.project.options);
    const r = await undo({ ...fx.project.options, to: "1" });
    assert.deepEqual(r.reverted.map((x) => x.version), ["3", "2"]);
    assert.deepEqual(await versions(), ["1"]);
    assert.equal((await status(fx.project.options)).current, "1");
  });

  it("to: \"0\" reverts every migration, and migrate then rebuilds them all", async () => {
    await migrate(fx.project.options);
    const r = await undo({ ...fx.project.options, to: "0" });
    assert.deepEqual(r.reverted.map((x) => x.version), ["3", "2", "1"]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["shale_history"]);
    assert.deepEqual(await historyRows(fx.conn), []);
    assert.equal((await status(fx.project.options)).current, null);
    const again = await migrate(fx.project.options);
    assert.deepEqual(again.applied.map((a) => a.version), ["1", "2", "3"]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["posts", "shale_history", "tags", "users"]);
  });

  it("a TypeScript migration is reverted by its down(ctx)", async () => {
    fx.project.write(
      "db/migrations/V4__settings.ts",
      `import type { MigrationContext } from "shale";
export async function up(ctx: MigrationContext) {
  await ctx.exec("CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY)");
}
export async function down(ctx: MigrationContext) {
  await ctx.exec("DROP TABLE settings");
}
`,
    );
    await migrate(fx.project.options);
    assert.ok((await tableNames(fx.conn, dialect)).includes("settings"));
    const r = await undo(fx.project.options);
    assert.deepEqual(r.reverted.map((x) => [x.script, x.version, x.type]), [["V4__settings.ts", "4", "ts"]]);
    assert.ok(!(await tableNames(fx.conn, dialect)).includes("settings"));
    assert.deepEqual(await versions(), ["1", "2", "3"]);
  });

  it("a missing undo for one chosen migration refuses the whole undo: nothing is reverted", async () => {
    fx.project.remove("db/migrations/U2__create_posts.sql");
    await migrate(fx.project.options);
    const before = await snapshotNow();
    const err = await rejectsWith(undo({ ...fx.project.options, steps: 2 }), "SHALE_E_NO_UNDO");
    assert.match(err.message, /V2__create_posts\.sql/);
    assert.deepEqual(await snapshotNow(), before, "V3 had an undo file, yet it must not be reverted either");
    // One step only needs V3's undo, which exists.
    await undo(fx.project.options);
    assert.deepEqual(await versions(), ["1", "2"]);
  });

  it("a TypeScript migration without down refuses the undo before anything runs", async () => {
    fx.project.write("db/migrations/V4__no_down.ts", `export async function up(ctx: any) { await ctx.exec("CREATE TABLE no_down (id INTEGER)"); }\n`);
    await migrate(fx.project.options);
    const before = await snapshotNow();
    const err = await rejectsWith(undo({ ...fx.project.options, steps: 2 }), "SHALE_E_NO_UNDO");
    assert.match(err.message, /V4__no_down\.ts/);
    assert.deepEqual(await snapshotNow(), before);
  });

  it("to an unknown version is refused and changes nothing", async () => {
    await migrate(fx.project.options);
    const before = await snapshotNow();
    await rejectsWith(undo({ ...fx.project.options, to: "7" }), "SHALE_E_UNKNOWN_VERSION");
    assert.deepEqual(await snapshotNow(), before);
  });

  it("steps and to together, or a steps count below 1, are usage errors", async () => {
    await migrate(fx.project.options);
    const before = await snapshotNow();
    await rejectsWith(undo({ ...fx.project.options, steps: 1, to: "1" }), "SHALE_E_USAGE");
    await rejectsWith(undo({ ...fx.project.options, steps: 0 }), "SHALE_E_USAGE");
    await rejectsWith(undo({ ...fx.project.options, steps: 1.5 }), "SHALE_E_USAGE");
    assert.deepEqual(await snapshotNow(), before);
  });

  it("nothing applied: SHALE_E_NO_UNDO, and no history table is created", async () => {
    await rejectsWith(undo(fx.project.options), "SHALE_E_NO_UNDO");
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
    await migrate(fx.project.options);
    await undo({ ...fx.project.options, to: "0" });
    await rejectsWith(undo(fx.project.options), "SHALE_E_NO_UNDO");
    assert.deepEqual(await tableNames(fx.conn, dialect), ["shale_history"]);
  });

  it("dry run returns the undo SQL and the history DELETE, and changes nothing", async () => {
    await migrate(fx.project.options);
    const before = await snapshotNow();
    const r = await undo({ ...fx.project.options, dryRun: true, steps: 2 });
    assert.equal(r.dryRun, true);
    assert.deepEqual(r.reverted.map((x) => x.version), ["3", "2"]);
    const dropTags = r.sql.findIndex((s) => /DROP TABLE tags/.test(s));
    const dropPosts = r.sql.findIndex((s) => /DROP TABLE posts/.test(s));
    assert.ok(dropTags >= 0 && dropPosts > dropTags, "tags first, then posts");
    assert.equal(r.sql.filter((s) => /^DELETE FROM .*shale_history.* WHERE installed_rank = /.test(s)).length, 2);
    assert.deepEqual(await snapshotNow(), before);
  });

  it("stops at a baseline: what is above it can be undone, nothing below it", async () => {
    // An existing database, adopted at version 2.
    await fx.conn.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL)");
    await fx.conn.exec("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id))");
    await baseline({ ...fx.project.options, version: "2" });
    await migrate(fx.project.options);
    assert.deepEqual(await versions(), ["2", "3"]);
    const r = await undo(fx.project.options);
    assert.deepEqual(r.reverted.map((x) => x.version), ["3"]);
    const before = await snapshotNow();
    assert.deepEqual(before.tables, ["posts", "shale_history", "users"]);
    await rejectsWith(undo(fx.project.options), "SHALE_E_NO_UNDO");
    const below = await rejectsWith(undo({ ...fx.project.options, to: "1" }), "SHALE_E_NO_UNDO");
    assert.match(below.message, /baseline/);
    await rejectsWith(undo({ ...fx.project.options, to: "0" }), "SHALE_E_NO_UNDO");
    assert.deepEqual(await snapshotNow(), before);
    // Undoing to the baseline itself is fine (there is nothing above it).
    assert.deepEqual((await undo({ ...fx.project.options, to: "2" })).reverted, []);
  });

  it("a failing undo statement leaves the migration applied and the schema as it was", { skip: dialect === "mysql" }, async () => {
    fx.project.write("db/migrations/U3__create_tags.sql", "DROP TABLE tags;\nDROP TABLE no_such_table;\n");
    await migrate(fx.project.options);
    const before = await snapshotNow();
    const err = await rejectsWith(undo(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.match(err.file ?? "", /U3__create_tags\.sql$/);
    assert.equal(err.line, 2);
    assert.deepEqual(await snapshotNow(), before, "the DROP of tags was rolled back with the rest");
    assert.equal((await status(fx.project.options)).migrations.find((m) => m.version === "3")?.state, "applied");
  });

  it("on a protected environment an undo that drops is refused, unless allowProtected", async () => {
    fx.project.write(
      "shale.config.json",
      JSON.stringify({ environments: { local: { url: fx.db.url }, prod: { url: fx.db.url, protected: true } } }, null, 2),
    );
    const prod = { cwd: fx.project.dir, env: "prod" };
    await migrate(prod);
    const before = await snapshotNow();
    const err = await rejectsWith(undo(prod), "SHALE_E_PROTECTED");
    assert.match(err.message, /prod/);
    await rejectsWith(undo({ ...prod, steps: 2 }), "SHALE_E_PROTECTED");
    assert.deepEqual(await snapshotNow(), before);
    const r = await undo({ ...prod, allowProtected: true });
    assert.deepEqual(r.reverted.map((x) => x.version), ["3"]);
    assert.deepEqual(await versions(), ["1", "2"]);
  });

  it("on a protected environment an undo that only creates is allowed", async () => {
    fx.project.write(
      "shale.config.json",
      JSON.stringify({ environments: { local: { url: fx.db.url }, prod: { url: fx.db.url, protected: true } } }, null, 2),
    );
    fx.project.write("db/migrations/V4__create_index.sql", "CREATE INDEX tags_name ON tags (name);\n");
    fx.project.write("db/migrations/V5__drop_index.sql", dialect === "mysql" ? "DROP INDEX tags_name ON tags;\n" : "DROP INDEX tags_name;\n");
    fx.project.write("db/migrations/U5__drop_index.sql", "CREATE INDEX tags_name ON tags (name);\n");
    const prod = { cwd: fx.project.dir, env: "prod" };
    await migrate(prod);
    const r = await undo(prod);
    assert.deepEqual(r.reverted.map((x) => x.version), ["5"]);
    assert.deepEqual(await versions(), ["1", "2", "3", "4"]);
  });
});
