/**
 * Column order and name case on a real MySQL/MariaDB server: columns out of place move with
 * MODIFY COLUMN … AFTER/FIRST (as few as possible) and added ones go where they belong, so the
 * table ends in the desired order; a column or index respelled only in case is renamed and keeps
 * its data, a check or foreign key respelled only in case is no change at all.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { diffSchemas } from "../../../src/api/schema-diff.js";
import { explicitRenames } from "../../../src/diff/rename-strategy.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import { describeEachDialect } from "../../support/databases.js";
import { apply, assertConverged, inspect, load, my, script, table, withDatabases } from "./schema-helpers.js";

/** The column names of a table in the order the server lists them. */
async function showColumns(conn: Connection, name: string): Promise<string[]> {
  const rows = await conn.query<{ Field: string }>(`SHOW COLUMNS FROM \`${name}\``);
  return rows.map((row) => row.Field);
}

/**
 * Loads `a` (then `seed`) and `b`, migrates A to B and requires convergence, B's column order
 * on every table of B, and an empty diff of the result with itself. Returns the statements and A.
 */
async function migrate(a: string, b: string, seed: string, check: (conn: Connection, sql: string[]) => Promise<void>): Promise<void> {
  await withDatabases([a, b], async ([dbA, dbB]) => {
    await load(dbA!.conn, seed);
    const target = await inspect(dbB!.conn);
    const d = diffSchemas(my, await inspect(dbA!.conn), target);
    await apply(dbA!.conn, d.statements);
    await assertConverged(dbA!.conn, target, d);
    const after = await inspect(dbA!.conn);
    assert.deepEqual(diffSchemas(my, after, after).changes, []);
    for (const t of target.tables) {
      assert.deepEqual(await showColumns(dbA!.conn, t.name), await showColumns(dbB!.conn, t.name), `${t.name}:\n${script(d.statements)}`);
    }
    await check(dbA!.conn, d.statements.map((s) => s.sql));
  });
}

const USERS = (columns: string) => `CREATE TABLE users (${columns}, PRIMARY KEY (id))`;

describeEachDialect("MySQL column order and name case", (dialect) => {
  if (dialect !== "mysql") return;

  it("moves the one column of a swap with MODIFY COLUMN … AFTER, both ways, keeping the rows", async () => {
    const a = USERS("id bigint NOT NULL, name varchar(40) NOT NULL, nickname varchar(20) NOT NULL, created_at datetime NOT NULL");
    const b = USERS("id bigint NOT NULL, nickname varchar(20) NOT NULL, name varchar(40) NOT NULL, created_at datetime NOT NULL");
    const seed = "INSERT INTO users VALUES (1, 'ann', 'a', '2024-01-02 03:04:05')";
    await migrate(a, b, seed, async (conn, sql) => {
      assert.deepEqual(sql, ["ALTER TABLE `users` MODIFY COLUMN `nickname` varchar(20) NOT NULL AFTER `id`"]);
      assert.deepEqual(await conn.query("SELECT nickname, name FROM users"), [{ nickname: "a", name: "ann" }]);
    });
    await migrate(b, a, "", async (_conn, sql) => {
      assert.deepEqual(sql, ["ALTER TABLE `users` MODIFY COLUMN `name` varchar(40) NOT NULL AFTER `id`"]);
    });
  });

  it("reorders many columns at once, moving as few as possible, FIRST and last included", async () => {
    const a = "CREATE TABLE t (a INT, b INT, c INT, d INT, e INT, f INT)";
    const b = "CREATE TABLE t (f INT, a INT, c INT, b INT, d INT, e INT)";
    await migrate(a, b, "INSERT INTO t VALUES (1, 2, 3, 4, 5, 6)", async (conn, sql) => {
      assert.deepEqual(sql, ["ALTER TABLE `t`\n  MODIFY COLUMN `f` int NULL FIRST,\n  MODIFY COLUMN `c` int NULL AFTER `a`"]);
      assert.deepEqual(await conn.query("SELECT * FROM t"), [{ f: 6, a: 1, c: 3, b: 2, d: 4, e: 5 }]);
    });
    await migrate(b, a, "", async (_conn, sql) => assert.equal(sql.length, 1));
    await migrate(a, "CREATE TABLE t (b INT, c INT, d INT, e INT, f INT, a INT)", "", async (_conn, sql) => {
      assert.deepEqual(sql, ["ALTER TABLE `t` MODIFY COLUMN `a` int NULL AFTER `f`"]);
    });
    await migrate(a, "CREATE TABLE t (f INT, e INT, d INT, c INT, b INT, a INT)", "", async (_conn, sql) => assert.equal(sql.length, 1));
  });

  it("ends in the desired order for shuffled columns with some dropped and some added", async () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 8; round += 1) {
      const kept = ["a", "b", "c", "d", "e", "f", "g", "h"].filter(() => random(4) > 0);
      const desired = [...kept, "n1", "n2"].map((name) => ({ name, key: random(1000) })).sort((x, y) => x.key - y.key).map((x) => x.name);
      const create = (names: string[]) => `CREATE TABLE t (${names.map((n) => `${n} INT`).join(", ")})`;
      await migrate(create(["a", "b", "c", "d", "e", "f", "g", "h"]), create(desired), "", async (_conn, sql) => assert.ok(sql.length <= 1, sql.join("\n")));
    }
  });

  it("places added columns between moved ones, drops others, and alters a moved column in the same clause", async () => {
    const a = "CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10), gone INT, c INT, v INT AS (a + 1) VIRTUAL, KEY kb (b))";
    const b = "CREATE TABLE t (id INT PRIMARY KEY, v INT AS (a + 1) VIRTUAL, n1 INT, c INT, b VARCHAR(20) NOT NULL DEFAULT '', n2 INT, a INT, KEY kb (b))";
    await migrate(a, b, "INSERT INTO t (id, a, b, gone, c) VALUES (1, 10, 'x', 0, 30)", async (conn, sql) => {
      assert.equal(sql.length, 1, sql.join("\n"));
      assert.match(sql[0]!, /MODIFY COLUMN `b` varchar\(20\) NOT NULL DEFAULT '' AFTER `c`/);
      assert.doesNotMatch(sql[0]!, /DROP COLUMN `(a|b|c|v)`/);
      assert.deepEqual(await conn.query("SELECT id, v, n1, c, b, n2, a FROM t"), [{ id: 1, v: 11, n1: null, c: 30, b: "x", n2: null, a: 10 }]);
    });
    await migrate(b, a, "", async () => undefined);
  });

  it("places a renamed column that also moves by its new name", async () => {
    const a = "CREATE TABLE t (id INT, a INT, b INT, c INT)";
    const b = "CREATE TABLE t (id INT, c INT, b INT, a2 INT)";
    await withDatabases([a, b], async ([dbA, dbB]) => {
      await dbA!.conn.exec("INSERT INTO t VALUES (1, 2, 3, 4)");
      const target = await inspect(dbB!.conn);
      const d = diffSchemas(my, await inspect(dbA!.conn), target, {
        renames: explicitRenames({ columns: [{ table: { schema: "", name: "t" }, from: "a", to: "a2" }] }),
      });
      assert.deepEqual(
        d.changes.map((c) => c.kind),
        ["rename-column", "alter-column", "alter-column"],
      );
      await apply(dbA!.conn, d.statements);
      await assertConverged(dbA!.conn, target, d);
      assert.deepEqual(await showColumns(dbA!.conn, "t"), ["id", "c", "b", "a2"]);
      assert.deepEqual(await dbA!.conn.query("SELECT * FROM t"), [{ id: 1, c: 4, b: 3, a2: 2 }]);
    });
  });

  it("renames a column respelled only in case, keeping its data, its index and the foreign key on it", async () => {
    const a = `CREATE TABLE users (ID INT PRIMARY KEY, Name VARCHAR(100), KEY by_name (Name));
      CREATE TABLE posts (id INT PRIMARY KEY, user_id INT, CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (ID))`;
    const b = `CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(200), email VARCHAR(200), KEY by_name (name));
      CREATE TABLE posts (id INT PRIMARY KEY, user_id INT, CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id))`;
    await migrate(a, b, "INSERT INTO users VALUES (1, 'ann'); INSERT INTO posts VALUES (7, 1)", async (conn, sql) => {
      assert.ok(sql.every((s) => !/DROP (COLUMN|INDEX|FOREIGN KEY)/.test(s)), sql.join("\n"));
      assert.ok(sql.some((s) => s.includes("RENAME COLUMN `Name` TO `name`")), sql.join("\n"));
      assert.deepEqual(await conn.query("SELECT id, name, email FROM users"), [{ id: 1, name: "ann", email: null }]);
      assert.deepEqual(await conn.query("SELECT user_id FROM posts"), [{ user_id: 1 }]);
    });
    await migrate(b, a, "INSERT INTO users VALUES (1, 'bob', 'b@x'); INSERT INTO posts VALUES (7, 1)", async (conn) => {
      assert.deepEqual(await conn.query("SELECT ID, Name FROM users"), [{ ID: 1, Name: "bob" }]);
    });
  });

  it("renames an index respelled in case, and sees no change in a check or foreign key respelled in case", async () => {
    const a = `CREATE TABLE p (id INT PRIMARY KEY);
      CREATE TABLE t (id INT PRIMARY KEY, q INT, pid INT, KEY IDX_Q (q), CONSTRAINT CHK_Q CHECK (q > 0), CONSTRAINT FK_P FOREIGN KEY (pid) REFERENCES p (id))`;
    const b = `CREATE TABLE p (id INT PRIMARY KEY);
      CREATE TABLE t (id INT PRIMARY KEY, q INT, pid INT, KEY idx_q (q), CONSTRAINT chk_q CHECK (q > 0), CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id))`;
    await withDatabases([a, b], async ([dbA, dbB]) => {
      const d = diffSchemas(my, await inspect(dbA!.conn), await inspect(dbB!.conn));
      // The index MariaDB made for the foreign key is named after it, so it is respelled too.
      const t = { schema: "", name: "t" };
      assert.deepEqual(d.changes, [
        { kind: "rename-index", table: t, from: "FK_P", to: "fk_p" },
        { kind: "rename-index", table: t, from: "IDX_Q", to: "idx_q" },
      ]);
      assert.deepEqual(d.statements.map((s) => s.sql), ["ALTER TABLE `t`\n  RENAME INDEX `FK_P` TO `fk_p`,\n  RENAME INDEX `IDX_Q` TO `idx_q`"]);
      await apply(dbA!.conn, d.statements);
      const after = await inspect(dbA!.conn);
      assert.ok(table(after, "t").indexes.some((i) => i.name === "idx_q"));
      assert.deepEqual(diffSchemas(my, after, await inspect(dbB!.conn)).changes, []);
    });
  });

  it("drops and adds a check respelled in case whose expression changes too", async () => {
    const a = "CREATE TABLE t (q INT, CONSTRAINT CHK_Q CHECK (q > 0))";
    const b = "CREATE TABLE t (q INT, CONSTRAINT chk_q CHECK (q > 1))";
    await migrate(a, b, "INSERT INTO t VALUES (5)", async (_conn, sql) => {
      assert.deepEqual(sql, ["ALTER TABLE `t`\n  DROP CONSTRAINT `CHK_Q`,\n  ADD CONSTRAINT `chk_q` CHECK (`q` > 1)"]);
    });
  });

  it("renames a respelled column in a statement of its own before moving it", async () => {
    const a = "CREATE TABLE t (id INT, Label VARCHAR(10), x INT)";
    const b = "CREATE TABLE t (id INT, x INT, label VARCHAR(10))";
    await migrate(a, b, "INSERT INTO t VALUES (1, 'l', 2)", async (conn, sql) => {
      assert.deepEqual(sql, ["ALTER TABLE `t` RENAME COLUMN `Label` TO `label`", "ALTER TABLE `t` MODIFY COLUMN `x` int NULL AFTER `id`"]);
      assert.deepEqual(await conn.query("SELECT id, x, label FROM t"), [{ id: 1, x: 2, label: "l" }]);
    });
  });
});
