/** Connections on every dialect: queries, single statements, atomic batches, transactions. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { StatementFailure } from "../../src/dialects/dialect.js";
import type { DialectName } from "../../src/dialects/url.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";

/** A placeholder for parameter `n` (1-based) in the dialect's own style. */
function param(dialect: DialectName, n: number): string {
  return dialect === "postgres" ? `$${n}` : "?";
}

/** Asserts that `promise` rejects with a StatementFailure and returns it. */
async function failure(promise: Promise<unknown>): Promise<StatementFailure> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof StatementFailure, `expected a StatementFailure, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the statement to fail");
}

describeEachDialect("connection", (dialect) => {
  const fx = useDatabaseProject(dialect);
  const names = async (table: string) =>
    (await fx.conn.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY name`)).map((r) => r.name);

  it("runs queries with the dialect's placeholders and returns plain rows", async () => {
    await fx.conn.exec("CREATE TABLE q (id INTEGER PRIMARY KEY, name VARCHAR(50), flag INTEGER)");
    const insert = `INSERT INTO q (id, name, flag) VALUES (${param(dialect, 1)}, ${param(dialect, 2)}, ${param(dialect, 3)})`;
    assert.deepEqual(await fx.conn.query(insert, [1, "it's", 1]), []);
    await fx.conn.query(insert, [2, null, 0]);
    const rows = await fx.conn.query(`SELECT id, name FROM q WHERE id >= ${param(dialect, 1)} ORDER BY id`, [1]);
    assert.deepEqual(rows.map((r) => ({ ...r })), [
      { id: 1, name: "it's" },
      { id: 2, name: null },
    ]);
  });

  it("reports a failed statement as a StatementFailure with the server's code", async () => {
    const err = await failure(fx.conn.exec("SELECT * FROM no_such_table"));
    assert.equal(err.index, 0);
    assert.match(err.message, /no_such_table/);
    const expected = { postgres: "42P01", mysql: "42S02", sqlite: "SQLITE_ERROR" }[dialect];
    assert.equal(err.sqlState, expected);
  });

  it("applies an atomic batch and commits it", async () => {
    await fx.conn.execAtomic([
      "CREATE TABLE a1 (name VARCHAR(20))",
      "INSERT INTO a1 (name) VALUES ('x')",
      "INSERT INTO a1 (name) VALUES ('y')",
    ]);
    assert.deepEqual(await names("a1"), ["x", "y"]);
  });

  it("keeps a trailing line comment from swallowing the next statement", async () => {
    await fx.conn.exec("CREATE TABLE a2 (name VARCHAR(20))");
    await fx.conn.execAtomic(["INSERT INTO a2 (name) VALUES ('a') -- first", "INSERT INTO a2 (name) VALUES ('b') -- second"]);
    assert.deepEqual(await names("a2"), ["a", "b"]);
  });

  it("rolls an atomic batch back and names the statement that failed at run time", async () => {
    await fx.conn.exec("CREATE TABLE a3 (id INTEGER PRIMARY KEY)");
    const err = await failure(
      fx.conn.execAtomic(["INSERT INTO a3 (id) VALUES (1)", "INSERT INTO a3 (id) VALUES (2)", "INSERT INTO a3 (id) VALUES (1)", "INSERT INTO a3 (id) VALUES (3)"]),
    );
    assert.equal(err.index, 2);
    assert.ok(err.sqlState, "the server's error code is kept");
    assert.deepEqual(await fx.conn.query("SELECT id FROM a3"), []);
  });

  it("names the statement that failed to parse", async () => {
    await fx.conn.exec("CREATE TABLE a4 (id INTEGER)");
    const err = await failure(fx.conn.execAtomic(["INSERT INTO a4 (id) VALUES (1)", "SELEC 1", "INSERT INTO a4 (id) VALUES (2)"]));
    assert.equal(err.index, 1);
    if (dialect === "postgres") assert.equal(err.position, 0);
    assert.deepEqual(await fx.conn.query("SELECT id FROM a4"), []);
  });

  it("supports begin, commit and rollback", async () => {
    await fx.conn.exec("CREATE TABLE t1 (name VARCHAR(20))");
    await fx.conn.begin();
    await fx.conn.exec("INSERT INTO t1 (name) VALUES ('gone')");
    await fx.conn.rollback();
    await fx.conn.begin();
    await fx.conn.exec("INSERT INTO t1 (name) VALUES ('kept')");
    await fx.conn.commit();
    assert.deepEqual(await names("t1"), ["kept"]);
  });

  it("leaves the connection usable after a failed batch", async () => {
    await failure(fx.conn.execAtomic(["SELECT 1", "SELECT * FROM missing_table"]));
    assert.equal((await fx.conn.query<{ one: unknown }>("SELECT 1 AS one"))[0]?.one, 1);
  });

  if (dialect === "postgres") {
    it("maps the server's position to the statement and the offset inside it, in UTF-16 units", async () => {
      const bad = "SELECT '🦀🦀' AS crabs, nope FROM (SELECT 1) s";
      const err = await failure(fx.conn.execAtomic(["SELECT 'é' -- accented", "SELECT 2", bad]));
      assert.equal(err.index, 2);
      assert.equal(err.position, bad.indexOf("nope"));
      const single = await failure(fx.conn.exec(bad));
      assert.equal(single.position, bad.indexOf("nope"));
    });

    it("attributes an error at the end of a statement to that statement", async () => {
      const err = await failure(fx.conn.execAtomic(["SELECT 1", "SELECT (1"]));
      assert.equal(err.index, 1);
      assert.equal(err.position, "SELECT (1".length);
    });

    it("rolls DDL back with the rest of a failed batch", async () => {
      await failure(fx.conn.execAtomic(["CREATE TABLE ddl_gone (id int)", "SELECT 1/0"]));
      assert.deepEqual(await fx.conn.query("SELECT 1 FROM pg_class WHERE relname = 'ddl_gone'"), []);
    });

    it("adds the server's detail to the message", async () => {
      await fx.conn.exec("CREATE TABLE d1 (id int PRIMARY KEY)");
      const err = await failure(fx.conn.execAtomic(["INSERT INTO d1 VALUES (1)", "INSERT INTO d1 VALUES (1)"]));
      assert.equal(err.sqlState, "23505");
      assert.match(err.message, /DETAIL: Key \(id\)=\(1\) already exists/);
    });

    it("names itself shale to the server", async () => {
      const rows = await fx.conn.query<{ name: string }>("SELECT current_setting('application_name') AS name");
      assert.equal(rows[0]?.name, "shale");
    });
  }

  if (dialect === "mysql") {
    it("returns BIGINT as strings and dates as the server's text", async () => {
      const rows = await fx.conn.query("SELECT CAST(9007199254740993 AS SIGNED) AS big, CAST('2026-11-21 09:30:00' AS DATETIME) AS at");
      assert.deepEqual({ ...rows[0] }, { big: "9007199254740993", at: "2026-11-21 09:30:00" });
    });

    it("binds parameters safely under NO_BACKSLASH_ESCAPES", async () => {
      await fx.conn.exec("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
      try {
        const value = "a\\' OR '1'='1";
        const rows = await fx.conn.query<{ v: string }>("SELECT ? AS v", [value]);
        assert.equal(rows[0]?.v, value);
      } finally {
        await fx.conn.exec("SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
      }
    });
  }

  if (dialect === "sqlite") {
    it("binds booleans as 1 and 0", async () => {
      const rows = await fx.conn.query<{ t: number; f: number }>("SELECT ? AS t, ? AS f", [true, false]);
      assert.deepEqual({ ...rows[0] }, { t: 1, f: 0 });
    });

    it("enforces foreign keys and waits for other writers", async () => {
      const rows = await fx.conn.query<{ foreign_keys: number }>("PRAGMA foreign_keys");
      assert.equal(rows[0]?.foreign_keys, 1);
      const busy = await fx.conn.query<{ timeout: number }>("PRAGMA busy_timeout");
      assert.ok((busy[0]?.timeout ?? 0) >= 30_000);
    });

    it("rolls DDL back with the rest of a failed batch", async () => {
      await failure(fx.conn.execAtomic(["CREATE TABLE ddl_gone (id int)", "INSERT INTO missing VALUES (1)"]));
      assert.deepEqual(await fx.conn.query("SELECT 1 FROM sqlite_master WHERE name = 'ddl_gone'"), []);
    });
  }
});
