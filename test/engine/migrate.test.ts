/**
 * The versioned-migration workflow through the library API, once per dialect: apply,
 * status, dry run, failures half-way, edited files, repeatables and TypeScript migrations.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { migrate, repair, status, validate } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows, tableNames } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("migrate", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, {
    "db/migrations/V1__create_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n",
    "db/migrations/V2__create_posts.sql":
      "-- posts belong to users\nCREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n  user_id INTEGER NOT NULL REFERENCES users (id),\n  title VARCHAR(200) -- a comment; with a semicolon\n);\nCREATE INDEX posts_user ON posts (user_id);\n",
  });

  it("applies pending migrations in order, records them, and is a no-op the second time", async () => {
    const first = await migrate(fx.project.options);
    assert.deepEqual(first.applied.map((a) => a.script), ["V1__create_users.sql", "V2__create_posts.sql"]);
    assert.equal(first.current, "2");
    assert.deepEqual(await tableNames(fx.conn, dialect), ["posts", "shale_history", "users"]);
    const rows = await historyRows(fx.conn);
    assert.deepEqual(rows.map((r) => [r.version, r.type, Boolean(Number(r.success) || r.success === true)]), [
      ["1", "sql", true],
      ["2", "sql", true],
    ]);
    const second = await migrate(fx.project.options);
    assert.equal(second.applied.length, 0);
    assert.equal((await historyRows(fx.conn)).length, 2);
    const s = await status(fx.project.options);
    assert.deepEqual(s.migrations.map((m) => m.state), ["applied", "applied"]);
    assert.equal(s.current, "2");
  });

  it("stops at --to, and refuses an unknown --to", async () => {
    const r = await migrate({ ...fx.project.options, to: "1" });
    assert.deepEqual(r.applied.map((a) => a.version), ["1"]);
    assert.deepEqual((await status(fx.project.options)).migrations.map((m) => m.state), ["applied", "pending"]);
    await rejectsWith(migrate({ ...fx.project.options, to: "7" }), "SHALE_E_UNKNOWN_VERSION");
    assert.equal((await historyRows(fx.conn)).length, 1, "a refused run changes nothing");
  });

  it("dry run returns the exact SQL and touches nothing", async () => {
    const r = await migrate({ ...fx.project.options, dryRun: true });
    assert.equal(r.dryRun, true);
    assert.ok(r.sql.some((s) => /CREATE TABLE users/.test(s)));
    assert.ok(r.sql.some((s) => /INSERT INTO .*shale_history/.test(s)));
    assert.deepEqual(await tableNames(fx.conn, dialect), [], "not even the history table is created");
  });

  it("a migration failing half-way leaves the right trace", async () => {
    await migrate(fx.project.options);
    fx.project.write(
      "db/migrations/V3__broken.sql",
      "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\nCREATE TABLE never (id INTEGER);\n",
    );
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.match(err.file ?? "", /V3__broken\.sql$/);
    assert.equal(err.line, 3);
    const tables = await tableNames(fx.conn, dialect);
    assert.ok(!tables.includes("never"));
    if (dialect === "mysql") {
      // MySQL commits DDL at once: statement 1 stays, and the history says how far it got.
      assert.ok(tables.includes("tags"));
      const failed = (await status(fx.project.options)).migrations.find((m) => m.version === "3")!;
      assert.equal(failed.state, "failed");
      assert.equal(failed.failure?.statement, 2);
      assert.equal(failed.failure?.line, 3);
      assert.match(failed.failure?.error ?? "", /no_such_table/);
      assert.equal((await validate(fx.project.options)).valid, false);
      // Fixed file with statement 1 unchanged: resume at statement 2.
      fx.project.write("db/migrations/V3__broken.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n\nCREATE TABLE labels (id INTEGER);\nCREATE TABLE never (id INTEGER);\n");
      const resumed = await migrate(fx.project.options);
      assert.equal(resumed.applied[0]?.resumedAt, 2);
      assert.deepEqual(await tableNames(fx.conn, dialect), ["labels", "never", "posts", "shale_history", "tags", "users"]);
      assert.equal((await validate(fx.project.options)).valid, true);
    } else {
      // PostgreSQL and SQLite: the migration and its history row rolled back together.
      assert.ok(!tables.includes("tags"));
      assert.deepEqual((await historyRows(fx.conn)).map((r) => r.version), ["1", "2"]);
      assert.equal((await status(fx.project.options)).migrations.find((m) => m.version === "3")?.state, "pending");
    }
  });

  it("refuses to resume when statements that already ran were changed, until repair", { skip: dialect !== "mysql" }, async () => {
    fx.project.write("db/migrations/V3__broken.sql", "CREATE TABLE tags (id INTEGER);\nINSERT INTO missing VALUES (1);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    fx.project.write("db/migrations/V3__broken.sql", "CREATE TABLE tags2 (id INTEGER);\nCREATE TABLE t3 (id INTEGER);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_RESUME_CHANGED");
    const repaired = await repair(fx.project.options);
    assert.deepEqual(repaired.removedFailed, ["V3__broken.sql"]);
    await fx.conn.exec("DROP TABLE tags");
    const r = await migrate(fx.project.options);
    assert.deepEqual(r.applied.map((a) => a.version), ["3"]);
  });

  it("an edited applied migration: validate exits with the file, migrate refuses, repair realigns", async () => {
    await migrate(fx.project.options);
    fx.project.write("db/migrations/V1__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(250) NOT NULL);\n");
    const v = await validate(fx.project.options);
    assert.equal(v.valid, false);
    assert.deepEqual(v.problems.map((p) => [p.script, p.state]), [["V1__create_users.sql", "changed"]]);
    fx.project.write("db/migrations/V3__more.sql", "CREATE TABLE more_things (id INTEGER);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_CHECKSUM");
    assert.ok(!(await tableNames(fx.conn, dialect)).includes("more_things"));
    const r = await repair(fx.project.options);
    assert.deepEqual(r.realigned, ["V1__create_users.sql"]);
    assert.equal((await validate(fx.project.options)).valid, true);
    await migrate(fx.project.options);
    assert.ok((await tableNames(fx.conn, dialect)).includes("more_things"));
  });

  it("CRLF-only or BOM-only changes are not edits", async () => {
    await migrate(fx.project.options);
    fx.project.write("db/migrations/V1__create_users.sql", "\uFEFFCREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\r\n");
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("a deleted applied file is missing: validate fails, migrate refuses", async () => {
    await migrate(fx.project.options);
    fx.project.remove("db/migrations/V2__create_posts.sql");
    const v = await validate(fx.project.options);
    assert.deepEqual(v.problems.map((p) => p.state), ["missing"]);
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MISSING_FILE");
  });

  it("a pending migration older than the current version is ignored until --out-of-order", async () => {
    await migrate(fx.project.options);
    fx.project.write("db/migrations/V1_5__late.sql", "CREATE TABLE late (id INTEGER);\n");
    const s = await status(fx.project.options);
    assert.equal(s.migrations.find((m) => m.version === "1.5")?.state, "ignored");
    assert.equal((await validate(fx.project.options)).valid, false);
    await rejectsWith(migrate(fx.project.options), "SHALE_E_IGNORED");
    const r = await migrate({ ...fx.project.options, outOfOrder: true });
    assert.deepEqual(r.applied.map((a) => a.version), ["1.5"]);
    assert.equal((await status(fx.project.options)).migrations.find((m) => m.version === "1.5")?.state, "out-of-order");
  });

  it("repeatables run after versioned ones, and again only when they change", async () => {
    fx.project.write("db/migrations/R__user_emails.sql", "CREATE VIEW user_emails AS SELECT email FROM users;\n");
    const first = await migrate(fx.project.options);
    assert.deepEqual(first.applied.map((a) => a.script), ["V1__create_users.sql", "V2__create_posts.sql", "R__user_emails.sql"]);
    assert.equal((await migrate(fx.project.options)).applied.length, 0);
    fx.project.write("db/migrations/R__user_emails.sql", "DROP VIEW user_emails;\nCREATE VIEW user_emails AS SELECT id, email FROM users;\n");
    assert.deepEqual((await migrate(fx.project.options)).applied.map((a) => a.type), ["repeatable"]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("TypeScript migrations run up(ctx) inside the migration's transaction", async () => {
    fx.project.write(
      "db/migrations/V3__ts_seed.ts",
      `import type { MigrationContext } from "shale";
export async function up(ctx: MigrationContext) {
  await ctx.exec("CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(50))");
  const rows = await ctx.query<{ n: number }>("SELECT COUNT(*) AS n FROM users");
  await ctx.exec(\`INSERT INTO settings (k, v) VALUES ('users', '\${Number(rows[0]!.n)}')\`);
}
export async function down(ctx: MigrationContext) {
  await ctx.exec("DROP TABLE settings");
}
`,
    );
    const r = await migrate(fx.project.options);
    assert.deepEqual(r.applied.map((a) => a.type), ["sql", "sql", "ts"]);
    const rows = await fx.conn.query<{ v: string }>("SELECT v FROM settings");
    assert.equal(String(rows[0]!.v), "0");
    assert.deepEqual((await historyRows(fx.conn)).map((r) => r.type), ["sql", "sql", "ts"]);
    assert.equal((await migrate(fx.project.options)).applied.length, 0, "recorded, so not run again");
  });

  it("a TypeScript migration that throws leaves no trace where DDL is transactional", { skip: dialect === "mysql" }, async () => {
    fx.project.write("db/migrations/V3__ts_fail.ts", `export async function up(ctx: any) { await ctx.exec("CREATE TABLE half (id INTEGER)"); throw new Error("boom"); }\n`);
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.ok(!(await tableNames(fx.conn, dialect)).includes("half"));
  });

  it("a TypeScript migration that throws on MySQL is recorded as failed and blocks until repair", { skip: dialect !== "mysql" }, async () => {
    fx.project.write("db/migrations/V3__ts_fail.ts", `export async function up(ctx: any) { await ctx.exec("CREATE TABLE half (id INTEGER)"); throw new Error("boom"); }\n`);
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    const failed = (await status(fx.project.options)).migrations.find((m) => m.version === "3");
    assert.equal(failed?.state, "failed");
    assert.match(failed?.failure?.error ?? "", /boom/);
    await rejectsWith(migrate(fx.project.options), "SHALE_E_FAILED_ENTRY");
    await fx.conn.exec("DROP TABLE half");
    fx.project.write("db/migrations/V3__ts_fail.ts", `export async function up(ctx: any) { await ctx.exec("CREATE TABLE half (id INTEGER)"); }\n`);
    assert.deepEqual((await repair(fx.project.options)).removedFailed, ["V3__ts_fail.ts"]);
    assert.deepEqual((await migrate(fx.project.options)).applied.map((a) => a.version), ["3"]);
  });

  it("records the real execution time, measured where the migration ran", { skip: dialect === "sqlite" }, async () => {
    fx.project.write("db/migrations/V3__slow.sql", dialect === "postgres" ? "SELECT pg_sleep(0.2);\n" : "SELECT SLEEP(0.2);\n");
    await migrate(fx.project.options);
    const rows = await fx.conn.query<{ version: string; execution_time: number }>("SELECT version, execution_time FROM shale_history ORDER BY installed_rank");
    const slow = Number(rows.find((r) => String(r.version) === "3")!.execution_time);
    assert.ok(slow >= 180 && slow < 5000, `execution_time ${slow} ms for a 200 ms migration`);
  });

  it("a file of only comments is refused before anything runs", async () => {
    fx.project.write("db/migrations/V3__empty.sql", "-- nothing here\n/* still nothing */\n");
    fx.project.write("db/migrations/V4__after.sql", "CREATE TABLE after_empty (id INTEGER);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_EMPTY_MIGRATION");
    assert.deepEqual(await tableNames(fx.conn, dialect), [], "nothing applied, not even V1");
  });

  it("an unterminated string is refused with its line before anything runs", async () => {
    fx.project.write("db/migrations/V3__quote.sql", "CREATE TABLE q (id INTEGER);\nINSERT INTO q VALUES ('oops);\n");
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_SPLIT");
    assert.equal(err.line, 2);
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  it("BEGIN/COMMIT written in a file is refused with a hint", { skip: dialect === "mysql" }, async () => {
    fx.project.write("db/migrations/V3__tx.sql", "BEGIN;\nCREATE TABLE tx (id INTEGER);\nCOMMIT;\n");
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_TRANSACTION_CONTROL");
    assert.equal(err.line, 1);
  });
});
