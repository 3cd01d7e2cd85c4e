// `seed` through the library API, once per dialect: the seeds folder applied as repeatables of type `seed`, never by `migrate`.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { migrate, seed, status, validate } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows, snapshot, type Snapshot } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("seed", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, {
    "db/migrations/V1__create_roles.sql": "CREATE TABLE roles (name VARCHAR(50) PRIMARY KEY, rank_no INTEGER NOT NULL DEFAULT 0);\n",
    "db/seeds/R__1_roles.sql": "DELETE FROM roles;\nINSERT INTO roles (name) VALUES ('admin'), ('reader');\n",
    "db/seeds/R__2_ranks.sql": "UPDATE roles SET rank_no = 10 WHERE name = 'admin';\n",
  });

  /** Tables and history rows: what a refused command must leave exactly as it was. */
  const snapshotNow = (): Promise<Snapshot> => snapshot(fx.conn, dialect);

  async function roles(): Promise<string[]> {
    return (await fx.conn.query<{ name: string }>("SELECT name FROM roles ORDER BY name")).map((r) => String(r.name));
  }

  it("applies the seeds folder in name order and records each with type seed", async () => {
    await migrate(fx.project.options);
    const r = await seed(fx.project.options);
    assert.equal(r.dryRun, false);
    assert.deepEqual(r.applied.map((a) => [a.script, a.version, a.type]), [
      ["R__1_roles.sql", null, "seed"],
      ["R__2_ranks.sql", null, "seed"],
    ]);
    assert.deepEqual(r.unchanged, []);
    assert.deepEqual(await roles(), ["admin", "reader"]);
    const rank = await fx.conn.query<{ rank_no: number }>("SELECT rank_no FROM roles WHERE name = 'admin'");
    assert.equal(Number(rank[0]!.rank_no), 10, "the second seed ran after the first");
    assert.deepEqual((await historyRows(fx.conn)).map((h) => [h.version, h.type, h.script]), [
      ["1", "sql", "V1__create_roles.sql"],
      [null, "seed", "R__1_roles.sql"],
      [null, "seed", "R__2_ranks.sql"],
    ]);
  });

  it("a second run applies nothing", async () => {
    await migrate(fx.project.options);
    await seed(fx.project.options);
    const before = await historyRows(fx.conn);
    const r = await seed(fx.project.options);
    assert.deepEqual(r.applied, []);
    assert.deepEqual(r.unchanged, ["R__1_roles.sql", "R__2_ranks.sql"]);
    assert.deepEqual(await historyRows(fx.conn), before);
  });

  it("a changed seed runs again, alone", async () => {
    await migrate(fx.project.options);
    await seed(fx.project.options);
    fx.project.write("db/seeds/R__1_roles.sql", "DELETE FROM roles;\nINSERT INTO roles (name) VALUES ('admin'), ('editor'), ('reader');\n");
    const r = await seed(fx.project.options);
    assert.deepEqual(r.applied.map((a) => a.script), ["R__1_roles.sql"]);
    assert.deepEqual(r.unchanged, ["R__2_ranks.sql"]);
    assert.deepEqual(await roles(), ["admin", "editor", "reader"]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.script), ["V1__create_roles.sql", "R__1_roles.sql", "R__2_ranks.sql", "R__1_roles.sql"]);
    assert.deepEqual((await seed(fx.project.options)).applied, []);
  });

  it("migrate never runs seeds, and seeds are not migrations for status or validate", async () => {
    const m = await migrate(fx.project.options);
    assert.deepEqual(m.applied.map((a) => a.script), ["V1__create_roles.sql"]);
    assert.deepEqual(await roles(), []);
    await seed(fx.project.options);
    assert.deepEqual((await migrate(fx.project.options)).applied, [], "seed rows do not look like pending or changed repeatables");
    const s = await status(fx.project.options);
    assert.deepEqual(s.migrations.map((x) => [x.script, x.state]), [["V1__create_roles.sql", "applied"]]);
    assert.equal(s.current, "1");
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("a repeatable migration and a seed with the same description do not shadow each other", async () => {
    fx.project.write("db/migrations/R__1_roles.sql", "CREATE VIEW role_names AS SELECT name FROM roles;\n");
    const m = await migrate(fx.project.options);
    assert.deepEqual(m.applied.map((a) => a.type), ["sql", "repeatable"]);
    const r = await seed(fx.project.options);
    assert.deepEqual(r.applied.map((a) => a.script), ["R__1_roles.sql", "R__2_ranks.sql"]);
    assert.deepEqual((await migrate(fx.project.options)).applied, []);
    assert.deepEqual((await seed(fx.project.options)).applied, []);
  });

  it("a TypeScript seed exporting up(ctx) computes what it inserts", async () => {
    fx.project.write(
      "db/seeds/R__3_computed.ts",
      `import type { MigrationContext } from "shale";
export async function up(ctx: MigrationContext) {
  const rows = await ctx.query<{ n: number }>("SELECT COUNT(*) AS n FROM roles");
  const name = "role_" + String(Number(rows[0]!.n) * 21);
  await ctx.exec(\`INSERT INTO roles (name) VALUES ('\${name}')\`);
}
`,
    );
    await migrate(fx.project.options);
    const r = await seed(fx.project.options);
    assert.deepEqual(r.applied.map((a) => [a.script, a.type]), [
      ["R__1_roles.sql", "seed"],
      ["R__2_ranks.sql", "seed"],
      ["R__3_computed.ts", "seed"],
    ]);
    assert.deepEqual(await roles(), ["admin", "reader", "role_42"]);
    assert.deepEqual((await seed(fx.project.options)).applied, []);
  });

  it("a V file in the seeds folder is refused before any seed runs", async () => {
    await migrate(fx.project.options);
    const before = await snapshotNow();
    fx.project.write("db/seeds/V2__not_a_seed.sql", "INSERT INTO roles (name) VALUES ('x');\n");
    const err = await rejectsWith(seed(fx.project.options), "SHALE_E_FILE_NAME");
    assert.match(err.file ?? "", /V2__not_a_seed\.sql$/);
    assert.deepEqual(await snapshotNow(), before);
    assert.deepEqual(await roles(), []);
  });

  it("a missing seeds folder is fine: nothing applied", async () => {
    rmSync(join(fx.project.dir, "db/seeds"), { recursive: true });
    await migrate(fx.project.options);
    const r = await seed(fx.project.options);
    assert.deepEqual([r.applied, r.unchanged], [[], []]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.type), ["sql"]);
  });

  it("dry run returns the seeds' SQL with the history INSERTs and changes nothing", async () => {
    await migrate(fx.project.options);
    const before = await snapshotNow();
    const r = await seed({ ...fx.project.options, dryRun: true });
    assert.equal(r.dryRun, true);
    assert.deepEqual(r.applied.map((a) => a.script), ["R__1_roles.sql", "R__2_ranks.sql"]);
    assert.ok(r.sql.some((s) => /INSERT INTO roles \(name\) VALUES \('admin'\), \('reader'\)/.test(s)));
    assert.ok(r.sql.some((s) => /UPDATE roles SET rank_no = 10/.test(s)));
    assert.equal(r.sql.filter((s) => /^INSERT INTO .*shale_history.*'seed'/.test(s)).length, 2);
    assert.deepEqual(await snapshotNow(), before);
    assert.deepEqual(await roles(), []);
  });

  it("a failing seed names its file and line, is not recorded, and runs once fixed", async () => {
    await migrate(fx.project.options);
    fx.project.write("db/seeds/R__2_ranks.sql", "UPDATE roles SET rank_no = 10 WHERE name = 'admin';\nUPDATE no_such_table SET x = 1;\n");
    const err = await rejectsWith(seed(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.match(err.file ?? "", /R__2_ranks\.sql$/);
    assert.equal(err.line, 2);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.script), ["V1__create_roles.sql", "R__1_roles.sql"], "the first seed stays, the failed one is not recorded");
    fx.project.write("db/seeds/R__2_ranks.sql", "UPDATE roles SET rank_no = 10 WHERE name = 'admin';\n");
    assert.deepEqual((await seed(fx.project.options)).applied.map((a) => a.script), ["R__2_ranks.sql"]);
  });
});
