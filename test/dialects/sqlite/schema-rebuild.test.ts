/**
 * The SQLite table rebuild around foreign keys: a parent table rebuilt with children
 * pointing at it (CASCADE, SET NULL, RESTRICT) keeps every child row, the keys are enforced
 * afterwards, a run that cannot turn foreign keys off fails instead of losing rows, and
 * new keys that existing rows break fail the whole migration.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explicitRenames } from "../../../src/diff/rename-strategy.js";
import { connectTestDatabase, createTestDatabase } from "../../support/databases.js";
import { applyStatements, assertSameSchema, diff, inspect, memoryDb, migrate } from "./schema-support.js";

const PARENT = `CREATE TABLE parent (id integer PRIMARY KEY, name text);`;
const CHILDREN = `
  CREATE TABLE cascade_child (id integer PRIMARY KEY, pid int REFERENCES parent (id) ON DELETE CASCADE);
  CREATE TABLE null_child (id integer PRIMARY KEY, pid int REFERENCES parent (id) ON DELETE SET NULL);
  CREATE TABLE restrict_child (id integer PRIMARY KEY, pid int REFERENCES parent (id) ON DELETE RESTRICT);
  CREATE TABLE plain_child (id integer PRIMARY KEY, pid int REFERENCES parent (id));`;
const SEED = `INSERT INTO parent VALUES (1, 'a'), (2, 'b');
  INSERT INTO cascade_child VALUES (1, 1), (2, 2); INSERT INTO null_child VALUES (1, 1);
  INSERT INTO restrict_child VALUES (1, 2); INSERT INTO plain_child VALUES (1, 1);`;
const CHANGED_PARENT = `CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL DEFAULT '' COLLATE nocase, CHECK (length(name) < 10));`;

describe("SQLite table rebuilds and foreign keys", () => {
  it("rebuilds a parent table without touching its children's rows; the keys still hold afterwards", async () => {
    const m = await migrate(PARENT + CHILDREN, CHANGED_PARENT + CHILDREN, { seed: SEED });
    assert.equal(m.statements[0]!.sql, "PRAGMA foreign_keys = OFF");
    assert.equal(m.statements[0]!.noTransaction, true);
    assert.equal(m.statements.at(-1)!.sql, "PRAGMA foreign_keys = ON");
    assert.deepEqual(await m.conn.query("SELECT id, pid FROM cascade_child ORDER BY id"), [
      { id: 1, pid: 1 },
      { id: 2, pid: 2 },
    ]);
    assert.deepEqual(await m.conn.query("SELECT pid FROM null_child"), [{ pid: 1 }]);
    assert.deepEqual(await m.conn.query("SELECT pid FROM restrict_child"), [{ pid: 2 }]);
    assert.deepEqual(await m.conn.query("SELECT pid FROM plain_child"), [{ pid: 1 }]);
    assert.deepEqual(await m.conn.query("PRAGMA foreign_keys"), [{ foreign_keys: 1 }]);
    await assert.rejects(m.conn.exec("INSERT INTO plain_child VALUES (9, 99)"), /FOREIGN KEY constraint failed/);
    await assert.rejects(m.conn.exec("DELETE FROM parent WHERE id = 2"), /FOREIGN KEY constraint failed/);
    await assert.rejects(m.conn.exec("DELETE FROM parent WHERE id = 1"), /FOREIGN KEY constraint failed/);
    await m.conn.exec("DELETE FROM plain_child; DELETE FROM parent WHERE id = 1");
    assert.deepEqual(await m.conn.query("SELECT id FROM cascade_child"), [{ id: 2 }]);
    assert.deepEqual(await m.conn.query("SELECT pid FROM null_child"), [{ pid: null }]);
  });

  it("does the same on a database file", async () => {
    const db = await createTestDatabase("sqlite");
    try {
      const conn = await connectTestDatabase(db);
      await conn.exec(PARENT + CHILDREN + SEED);
      const target = await memoryDb(CHANGED_PARENT + CHILDREN);
      const want = await inspect(target);
      await applyStatements(conn, diff(await inspect(conn), want).statements);
      await conn.close();
      const again = await connectTestDatabase(db);
      assertSameSchema(await inspect(again), want);
      assert.deepEqual(await again.query("SELECT count(*) AS n FROM cascade_child"), [{ n: 2 }]);
      assert.deepEqual(await again.query("PRAGMA foreign_key_check"), []);
      await again.close();
    } finally {
      await db.drop();
    }
  });

  it("refuses to run inside one transaction with foreign keys on, and leaves the data as it was", async () => {
    const conn = await memoryDb(PARENT + CHILDREN + SEED);
    const target = await memoryDb(CHANGED_PARENT + CHILDREN);
    const { statements } = diff(await inspect(conn), await inspect(target));
    await assert.rejects(conn.execAtomic(statements.map((s) => s.sql)), /run PRAGMA foreign_keys = OFF outside the transaction/);
    assert.deepEqual(await conn.query("SELECT count(*) AS n FROM cascade_child"), [{ n: 2 }]);
    assert.deepEqual(await conn.query("SELECT sql FROM sqlite_schema WHERE name = 'parent'"), [{ sql: PARENT.slice(0, -1) }]);
  });

  it("fails and rolls back when existing rows break a new foreign key", async () => {
    const current = `${PARENT} CREATE TABLE child (id integer PRIMARY KEY, pid int);`;
    const desired = `${PARENT} CREATE TABLE child (id integer PRIMARY KEY, pid int REFERENCES parent (id));`;
    await assert.rejects(migrate(current, desired, { seed: "INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 7);" }), /FOREIGN KEY constraint failed/);
    const m = await migrate(current, desired, { seed: "INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (1, 1);" });
    assert.ok(!m.statements.some((s) => s.sql.startsWith("PRAGMA")), "a leaf table whose parent stays as it is rebuilds with foreign keys on");
    await assert.rejects(m.conn.exec("INSERT INTO child VALUES (2, 5)"), /FOREIGN KEY constraint failed/);
  });

  it("reports violations found by the final foreign-key check when foreign keys are off", async () => {
    const current = `${PARENT} CREATE TABLE child (id integer PRIMARY KEY, pid int REFERENCES child (id));`;
    const desired = `${PARENT} CREATE TABLE child (id integer PRIMARY KEY, pid int REFERENCES parent (id));`;
    await assert.rejects(
      migrate(current, desired, { seed: "INSERT INTO child VALUES (1, NULL); INSERT INTO child VALUES (2, 1);" }),
      /the rebuilt tables break foreign keys/,
    );
  });

  it("rebuilds a self-referencing table and keeps AUTOINCREMENT's counter and hidden rowids", async () => {
    const current = `CREATE TABLE node (id integer PRIMARY KEY AUTOINCREMENT, parent int REFERENCES node (id) ON DELETE CASCADE, label text);
      CREATE TABLE plain (v text);`;
    const desired = `CREATE TABLE node (id integer PRIMARY KEY AUTOINCREMENT, parent int REFERENCES node (id) ON DELETE CASCADE, label text NOT NULL DEFAULT 'x');
      CREATE TABLE plain (v text NOT NULL DEFAULT '');`;
    const seed = `INSERT INTO node (parent, label) VALUES (NULL, 'root'), (1, 'leaf'), (1, 'gone');
      DELETE FROM node WHERE label = 'gone';
      INSERT INTO plain (rowid, v) VALUES (10, 'ten'), (20, 'twenty');`;
    const m = await migrate(current, desired, { seed });
    assert.deepEqual(await m.conn.query("SELECT id, parent, label FROM node ORDER BY id"), [
      { id: 1, parent: null, label: "root" },
      { id: 2, parent: 1, label: "leaf" },
    ]);
    await m.conn.exec("INSERT INTO node (parent, label) VALUES (1, 'next')");
    assert.deepEqual(await m.conn.query("SELECT max(id) AS id FROM node"), [{ id: 4 }]);
    assert.deepEqual(await m.conn.query("SELECT rowid AS r, v FROM plain ORDER BY rowid"), [
      { r: 10, v: "ten" },
      { r: 20, v: "twenty" },
    ]);
    await m.conn.exec("DELETE FROM node WHERE id = 1");
    assert.deepEqual(await m.conn.query("SELECT count(*) AS n FROM node"), [{ n: 0 }]);
  });

  it("merges every step of one table into one rebuild, with renames done first", async () => {
    const current = `CREATE TABLE old_t (id integer PRIMARY KEY, a text, b int, c int UNIQUE);
      CREATE INDEX old_t_b ON old_t (b);
      CREATE TABLE ref (id integer PRIMARY KEY, t_id int REFERENCES old_t (id));`;
    const desired = `CREATE TABLE t (id integer PRIMARY KEY, a2 text NOT NULL DEFAULT '', b bigint, d int DEFAULT 0, CHECK (b > 0));
      CREATE INDEX old_t_b ON t (b DESC);
      CREATE TABLE ref (id integer PRIMARY KEY, t_id int REFERENCES t (id));`;
    const m = await migrate(current, desired, {
      seed: "INSERT INTO old_t VALUES (1, 'x', 5, 1), (2, NULL, 6, 2); INSERT INTO ref VALUES (1, 2);",
      diff: {
        renames: explicitRenames({
          tables: [{ from: { schema: "", name: "old_t" }, to: { schema: "", name: "t" } }],
          columns: [{ table: { schema: "", name: "t" }, from: "a", to: "a2" }],
        }),
      },
    }).catch((err: Error) => err);
    assert.ok(m instanceof Error && /NOT NULL constraint failed: _shale_new_t.a2/.test(m.message), String(m));
    const ok = await migrate(current, desired, {
      seed: "INSERT INTO old_t VALUES (1, 'x', 5, 1), (2, 'y', 6, 2); INSERT INTO ref VALUES (1, 2);",
      diff: {
        renames: explicitRenames({
          tables: [{ from: { schema: "", name: "old_t" }, to: { schema: "", name: "t" } }],
          columns: [{ table: { schema: "", name: "t" }, from: "a", to: "a2" }],
        }),
      },
    });
    const news = ok.statements.filter((s) => s.sql.startsWith('CREATE TABLE "_shale_new_'));
    assert.equal(news.length, 1);
    assert.deepEqual(await ok.conn.query("SELECT id, a2, b, d FROM t ORDER BY id"), [
      { id: 1, a2: "x", b: 5, d: 0 },
      { id: 2, a2: "y", b: 6, d: 0 },
    ]);
    assert.deepEqual(await ok.conn.query("SELECT t.a2 FROM ref JOIN t ON t.id = ref.t_id"), [{ a2: "y" }]);
  });
});
