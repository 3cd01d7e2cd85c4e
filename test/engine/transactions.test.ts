// Statements that cannot share the migration's transaction, once per dialect: CONCURRENTLY, enum values, no-transaction files, SQLite pragmas and VACUUM, and resuming a stepwise failure.
import assert from "node:assert/strict";
import { beforeEach, it } from "node:test";
import { migrate, repair, status, validate, type RunEvent } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows, tableNames } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("transactions", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, {
    "db/migrations/V1__create_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n",
  });
  let events: RunEvent[];
  let options: { cwd: string; url: string; onEvent: (e: RunEvent) => void };

  const notices = (): Extract<RunEvent, { type: "notice" }>[] => events.filter((e): e is Extract<RunEvent, { type: "notice" }> => e.type === "notice");

  async function stateOf(version: string): Promise<string | undefined> {
    return (await status(fx.project.options)).migrations.find((m) => m.version === version)?.state;
  }

  beforeEach(async () => {
    events = [];
    options = { ...fx.project.options, onEvent: (e) => events.push(e) };
  });

  // --- PostgreSQL ---

  it("CREATE INDEX CONCURRENTLY runs statement by statement, with a notice, and the index is valid", { skip: dialect !== "postgres" }, async () => {
    fx.project.write(
      "db/migrations/V2__email_index.sql",
      "INSERT INTO users (id, email) VALUES (1, 'a@example.com');\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n",
    );
    const r = await migrate(options);
    assert.deepEqual(r.applied.map((a) => a.version), ["1", "2"]);
    const n = notices();
    assert.equal(n.length, 1);
    assert.equal(n[0]!.script, "V2__email_index.sql");
    assert.equal(n[0]!.line, 2);
    assert.match(n[0]!.message, /CREATE INDEX CONCURRENTLY.*statement by statement/);
    const done = events.filter((e) => e.type === "statement-done" && e.script === "V2__email_index.sql");
    assert.deepEqual(done.map((e) => (e as { index: number }).index), [1, 2], "the INSERT committed, then the index ran alone");
    const index = await fx.conn.query<{ indisvalid: boolean; indisready: boolean }>(
      "SELECT i.indisvalid, i.indisready FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'users_email'",
    );
    assert.deepEqual(index, [{ indisvalid: true, indisready: true }]);
    assert.equal(await stateOf("2"), "applied");
    assert.equal((await validate(fx.project.options)).valid, true);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => [h.version, h.success]), [["1", true], ["2", true]]);
  });

  it("ALTER TYPE ... ADD VALUE commits before the INSERT that uses the new value", { skip: dialect !== "postgres" }, async () => {
    fx.project.write("db/migrations/V2__mood.sql", "CREATE TYPE mood AS ENUM ('ok');\nCREATE TABLE feelings (m mood NOT NULL);\n");
    fx.project.write("db/migrations/V3__sad.sql", "ALTER TYPE mood ADD VALUE 'sad';\nINSERT INTO feelings (m) VALUES ('sad');\n");
    const r = await migrate(options);
    assert.deepEqual(r.applied.map((a) => a.version), ["1", "2", "3"]);
    const n = notices();
    assert.deepEqual(n.map((e) => [e.script, e.line]), [["V3__sad.sql", 1]]);
    assert.match(n[0]!.message, /statement by statement/);
    const rows = await fx.conn.query<{ m: string }>("SELECT m::text AS m FROM feelings");
    assert.deepEqual(rows, [{ m: "sad" }]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("a failure in a stepwise migration shows as failed, and the fixed file resumes where it stopped", { skip: dialect !== "postgres" }, async () => {
    await migrate(fx.project.options);
    const file = "db/migrations/V2__tags.sql";
    const good = "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT);\nCREATE INDEX CONCURRENTLY tags_name ON tags (name);\n";
    fx.project.write(file, `${good}CREATE INDEX CONCURRENTLY tags_bad ON tags (no_such_column);\nCREATE TABLE after_fail (id INTEGER);\n`);
    const err = await rejectsWith(migrate(options), "SHALE_E_MIGRATION_FAILED");
    assert.equal(err.line, 3);
    assert.match(err.hint ?? "", /resumes/);
    const failed = (await status(fx.project.options)).migrations.find((m) => m.version === "2")!;
    assert.equal(failed.state, "failed");
    assert.equal(failed.failure?.statement, 3);
    assert.equal(failed.failure?.line, 3);
    assert.match(failed.failure?.error ?? "", /no_such_column/);
    assert.equal((await validate(fx.project.options)).valid, false);
    const tables = await tableNames(fx.conn, dialect);
    assert.ok(tables.includes("tags") && !tables.includes("after_fail"), "statements 1-2 stay, 4 never ran");
    // Fixed statement 3, statements 1-2 unchanged: the run resumes at 3.
    fx.project.write(file, `${good}CREATE INDEX CONCURRENTLY tags_id ON tags (id);\nCREATE TABLE after_fail (id INTEGER);\n`);
    const r = await migrate(fx.project.options);
    assert.deepEqual(r.applied.map((a) => [a.version, a.resumedAt]), [["2", 3]]);
    assert.ok((await tableNames(fx.conn, dialect)).includes("after_fail"));
    assert.equal(await stateOf("2"), "applied");
    assert.equal((await validate(fx.project.options)).valid, true);
    const indexes = await fx.conn.query<{ relname: string }>("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE 'tags_%' ORDER BY 1");
    assert.deepEqual(indexes.map((i) => i.relname), ["tags_id", "tags_name", "tags_pkey"]);
  });

  it("a failure inside a transactional group of a stepwise migration rolls the group back and resumes at its start", { skip: dialect !== "postgres" }, async () => {
    await migrate(fx.project.options);
    const file = "db/migrations/V2__grouped.sql";
    fx.project.write(file, "CREATE TABLE t1 (id INTEGER);\nINSERT INTO nope VALUES (1);\nCREATE INDEX CONCURRENTLY t1_id ON t1 (id);\n");
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.equal(err.line, 2);
    assert.ok(!(await tableNames(fx.conn, dialect)).includes("t1"), "statement 1 was rolled back with statement 2");
    assert.equal(await stateOf("2"), "failed");
    fx.project.write(file, "CREATE TABLE t1 (id INTEGER);\nINSERT INTO t1 VALUES (1);\nCREATE INDEX CONCURRENTLY t1_id ON t1 (id);\n");
    const r = await migrate(fx.project.options);
    assert.deepEqual(r.applied.map((a) => [a.version, a.resumedAt]), [["2", 1]]);
    assert.deepEqual(await fx.conn.query("SELECT id FROM t1"), [{ id: 1 }]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it(
    "status of a failure inside a transactional group names the statement that failed, as its line and error do",
    { skip: dialect !== "postgres" },
    async () => {
      fx.project.write("db/migrations/V2__grouped.sql", "CREATE TABLE t1 (id INTEGER);\nINSERT INTO nope VALUES (1);\nCREATE INDEX CONCURRENTLY t1_id ON t1 (id);\n");
      const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
      assert.match(err.message, /statement 2 of 3/);
      const failed = (await status(fx.project.options)).migrations.find((m) => m.version === "2")!;
      assert.equal(failed.failure?.line, 2);
      assert.equal(failed.failure?.statement, 2);
      assert.equal(failed.failure?.resumeAt, 1, "its transaction group was rolled back, so it resumes at statement 1");
    },
  );

  // --- every dialect ---

  it("-- shale:no-transaction runs the file exactly as written, its own BEGIN/COMMIT included", async () => {
    fx.project.write(
      "db/migrations/V2__as_written.sql",
      "-- shale:no-transaction\nBEGIN;\nCREATE TABLE written (id INTEGER);\nINSERT INTO written VALUES (1);\nCOMMIT;\n",
    );
    const r = await migrate(options);
    assert.deepEqual(r.applied.map((a) => a.version), ["1", "2"]);
    assert.deepEqual(notices(), [], "asked for, so nothing to warn about");
    assert.deepEqual((await fx.conn.query<{ id: number }>("SELECT id FROM written")).map((x) => Number(x.id)), [1]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("-- shale:no-transaction keeps the statements before a failure, recorded as failed", async () => {
    fx.project.write("db/migrations/V2__no_tx.sql", "-- shale:no-transaction\nCREATE TABLE kept (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.equal(err.line, 3);
    assert.ok((await tableNames(fx.conn, dialect)).includes("kept"), "no transaction rolled statement 1 back");
    const failed = (await status(fx.project.options)).migrations.find((m) => m.version === "2")!;
    assert.equal(failed.state, "failed");
    assert.equal(failed.failure?.statement, 2);
    fx.project.write("db/migrations/V2__no_tx.sql", "-- shale:no-transaction\nCREATE TABLE kept (id INTEGER);\nINSERT INTO kept VALUES (1);\n");
    assert.deepEqual((await migrate(fx.project.options)).applied.map((a) => [a.version, a.resumedAt]), [["2", 2]]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("an unknown directive is refused before anything runs", async () => {
    fx.project.write("db/migrations/V2__typo.sql", "-- shale:no-transactions\nCREATE TABLE typo (id INTEGER);\n");
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_DIRECTIVE");
    assert.equal(err.line, 1);
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  it("VACUUM in a migration runs outside the transaction, with a notice", { skip: dialect === "mysql" }, async () => {
    fx.project.write("db/migrations/V2__vacuum.sql", "INSERT INTO users (id, email) VALUES (1, 'a@example.com');\nDELETE FROM users;\nVACUUM;\n");
    const r = await migrate(options);
    assert.deepEqual(r.applied.map((a) => a.version), ["1", "2"]);
    const n = notices();
    assert.deepEqual(n.map((e) => [e.script, e.line]), [["V2__vacuum.sql", 3]]);
    assert.match(n[0]!.message, /VACUUM/);
    assert.equal(await stateOf("2"), "applied");
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  // --- SQLite ---

  it("PRAGMA foreign_keys = OFF, a table rebuild, PRAGMA foreign_keys = ON: works, with notices", { skip: dialect !== "sqlite" }, async () => {
    fx.project.write("db/migrations/V2__posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n");
    fx.project.write("db/migrations/V3__data.sql", "INSERT INTO users (id, email) VALUES (1, 'a@example.com');\nINSERT INTO posts (id, user_id) VALUES (10, 1);\n");
    await migrate(fx.project.options);
    const rebuild =
      "CREATE TABLE users_new (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, name TEXT);\n" +
      "INSERT INTO users_new (id, email) SELECT id, email FROM users;\n" +
      "DROP TABLE users;\n" +
      "ALTER TABLE users_new RENAME TO users;\n";
    // Inside one transaction with foreign keys on, dropping a referenced table fails: the pragmas are needed.
    fx.project.write("db/migrations/V4__rebuild_users.sql", rebuild);
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1", "2", "3"]);
    fx.project.write("db/migrations/V4__rebuild_users.sql", `PRAGMA foreign_keys = OFF;\n${rebuild}PRAGMA foreign_key_check;\nPRAGMA foreign_keys = ON;\n`);
    const r = await migrate(options);
    assert.deepEqual(r.applied.map((a) => a.version), ["4"]);
    assert.deepEqual(notices().map((e) => [e.script, e.line]), [["V4__rebuild_users.sql", 1], ["V4__rebuild_users.sql", 7]]);
    assert.match(notices()[0]!.message, /foreign_keys.*statement by statement/);
    const columns = await fx.conn.query<{ name: string }>("SELECT name FROM pragma_table_info('users') ORDER BY cid");
    assert.deepEqual(columns.map((c) => c.name), ["id", "email", "name"]);
    assert.deepEqual(await fx.conn.query("SELECT id, user_id FROM posts"), [{ id: 10, user_id: 1 }]);
    assert.deepEqual(await fx.conn.query("PRAGMA foreign_key_check"), []);
    assert.equal(await stateOf("4"), "applied");
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  // --- MySQL ---

  it("a TypeScript migration failing half-way on MySQL is recorded as failed and refused until repair", { skip: dialect !== "mysql" }, async () => {
    fx.project.write("db/migrations/V2__ts_fail.ts", `export async function up(ctx: any) { await ctx.exec("CREATE TABLE half (id INTEGER)"); throw new Error("boom"); }\n`);
    const err = await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.match(err.message, /boom/);
    assert.ok((await tableNames(fx.conn, dialect)).includes("half"), "MySQL committed the DDL at once");
    assert.equal(await stateOf("2"), "failed");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_FAILED_ENTRY");
    assert.deepEqual((await repair(fx.project.options)).removedFailed, ["V2__ts_fail.ts"]);
    await fx.conn.exec("DROP TABLE half");
    fx.project.write("db/migrations/V2__ts_fail.ts", `export async function up(ctx: any) { await ctx.exec("CREATE TABLE half (id INTEGER)"); }\n`);
    assert.deepEqual((await migrate(fx.project.options)).applied.map((a) => a.version), ["2"]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });
});
