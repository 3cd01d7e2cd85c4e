/**
 * Alterations on SQLite, one change kind at a time: each loads a current and a desired
 * schema into real databases, applies the rendered DDL to the current one (with rows in
 * it), requires convergence, and checks which path was taken (ALTER or rebuild) and that
 * the rows survived.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explicitRenames } from "../../../src/diff/rename-strategy.js";
import { migrate } from "./schema-support.js";

const sqlOf = (m: { statements: readonly { sql: string }[] }): string => m.statements.map((s) => s.sql).join(";\n");
const rebuilds = (m: { statements: readonly { sql: string }[] }): number => m.statements.filter((s) => s.sql.startsWith('CREATE TABLE "_shale_new_')).length;

const USERS = `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age int);`;
const SEED = `INSERT INTO users (id, name, age) VALUES (1, 'ann', 30), (2, 'bob', NULL);`;

describe("SQLite alterations", () => {
  it("creates and drops tables", async () => {
    const m = await migrate(`${USERS} CREATE TABLE old (x int);`, `${USERS} CREATE TABLE fresh (x int DEFAULT 0, CHECK (x >= 0));`, { seed: SEED });
    assert.match(sqlOf(m), /DROP TABLE "old"/);
    assert.match(sqlOf(m), /CREATE TABLE "fresh"/);
    assert.ok(m.statements.find((s) => s.sql === 'DROP TABLE "old"')?.destructive);
    assert.equal((await m.conn.query("SELECT count(*) AS n FROM users"))[0]!.n, 2);
  });

  it("adds a column with ALTER TABLE when SQLite allows it", async () => {
    const m = await migrate(USERS, `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age int, email text DEFAULT 'none' COLLATE nocase, n int NOT NULL DEFAULT -1);`, {
      seed: SEED,
    });
    assert.equal(rebuilds(m), 0, sqlOf(m));
    assert.match(sqlOf(m), /ALTER TABLE "users" ADD COLUMN "email" text DEFAULT 'none' COLLATE "NOCASE"/);
    assert.deepEqual(await m.conn.query("SELECT id, email, n FROM users ORDER BY id"), [
      { id: 1, email: "none", n: -1 },
      { id: 2, email: "none", n: -1 },
    ]);
  });

  it("adds a column by rebuilding when ALTER TABLE cannot (non-constant default, stored generated column)", async () => {
    const m = await migrate(
      USERS,
      `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age int, at text NOT NULL DEFAULT CURRENT_TIMESTAMP, up text AS (upper(name)) STORED);`,
      { seed: SEED },
    );
    assert.equal(rebuilds(m), 1, sqlOf(m));
    const rows = await m.conn.query<{ id: number; up: string; at: string }>("SELECT id, up, at FROM users ORDER BY id");
    assert.deepEqual(rows.map((r) => [r.id, r.up]), [[1, "ANN"], [2, "BOB"]]);
    assert.ok(rows.every((r) => typeof r.at === "string" && r.at.length > 0));
  });

  it("drops a column with ALTER TABLE, or by rebuilding when an index or check uses it", async () => {
    const plain = await migrate(USERS, `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);`, { seed: SEED });
    assert.equal(rebuilds(plain), 0, sqlOf(plain));
    assert.match(sqlOf(plain), /ALTER TABLE "users" DROP COLUMN "age"/);
    const used = await migrate(
      `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age int CHECK (age > 0)); CREATE INDEX users_age ON users (age);`,
      `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);`,
      { seed: "INSERT INTO users VALUES (1, 'ann', 3)" },
    );
    assert.equal(rebuilds(used), 1, sqlOf(used));
    assert.deepEqual(await used.conn.query("SELECT * FROM users"), [{ id: 1, name: "ann" }]);
  });

  it("renames tables and columns with ALTER TABLE; keys, indexes and views follow", async () => {
    const current = `${USERS} CREATE INDEX users_name ON users (name); CREATE TABLE posts (id integer PRIMARY KEY, user_id int REFERENCES users (id));
      CREATE VIEW names AS SELECT name FROM users;`;
    const desired = `CREATE TABLE people (id integer PRIMARY KEY, full_name text NOT NULL, age int); CREATE INDEX users_name ON people (full_name);
      CREATE TABLE posts (id integer PRIMARY KEY, user_id int REFERENCES people (id)); CREATE VIEW names AS SELECT full_name FROM people;`;
    const m = await migrate(current, desired, {
      seed: `${SEED} INSERT INTO posts VALUES (10, 1);`,
      diff: {
        renames: explicitRenames({
          tables: [{ from: { schema: "", name: "users" }, to: { schema: "", name: "people" } }],
          columns: [{ table: { schema: "", name: "people" }, from: "name", to: "full_name" }],
        }),
      },
    });
    assert.equal(rebuilds(m), 0, sqlOf(m));
    assert.match(sqlOf(m), /ALTER TABLE "users" RENAME TO "people"/);
    assert.match(sqlOf(m), /ALTER TABLE "people" RENAME COLUMN "name" TO "full_name"/);
    assert.deepEqual(await m.conn.query("SELECT p.full_name FROM posts JOIN people p ON p.id = posts.user_id"), [{ full_name: "ann" }]);
  });

  it("changes a column's type, nullability, default and collation by one rebuild, keeping rows, indexes and triggers", async () => {
    const current = `${USERS} CREATE INDEX users_age ON users (age);
      CREATE TABLE log (msg text);
      CREATE TRIGGER users_log AFTER INSERT ON users BEGIN INSERT INTO log VALUES ('new ' || NEW.name); END;`;
    const desired = `CREATE TABLE users (id integer PRIMARY KEY, name varchar(50) NOT NULL COLLATE nocase, age int NOT NULL DEFAULT 18); CREATE INDEX users_age ON users (age);
      CREATE TABLE log (msg text);
      CREATE TRIGGER users_log AFTER INSERT ON users BEGIN INSERT INTO log VALUES ('new ' || NEW.name); END;`;
    const m = await migrate(current, desired, { seed: "INSERT INTO users VALUES (1, 'ann', 30), (2, 'bob', 40)" });
    assert.equal(rebuilds(m), 1, sqlOf(m));
    const rebuild = m.statements.filter((s) => s.steps.length > 1);
    assert.ok(rebuild.length > 0 && rebuild.every((s) => s.steps.length === rebuild[0]!.steps.length), "one rebuild carries every step");
    assert.deepEqual(await m.conn.query("SELECT id, name, age FROM users ORDER BY id"), [
      { id: 1, name: "ann", age: 30 },
      { id: 2, name: "bob", age: 40 },
    ]);
    await m.conn.exec("INSERT INTO users (id, name) VALUES (3, 'cy')");
    // The copy fired no trigger: the log holds the seed's rows and the new one only.
    assert.deepEqual(await m.conn.query("SELECT msg FROM log"), [{ msg: "new ann" }, { msg: "new bob" }, { msg: "new cy" }]);
    assert.deepEqual(await m.conn.query("SELECT age FROM users WHERE id = 3"), [{ age: 18 }]);
  });

  it("fails, and changes nothing, when existing rows break the new definition", async () => {
    await assert.rejects(
      migrate(USERS, `CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age int NOT NULL);`, { seed: SEED }),
      /NOT NULL constraint failed/,
    );
  });

  it("adds and drops primary keys, unique constraints and checks by rebuilding", async () => {
    const current = `CREATE TABLE t (a int NOT NULL, b text, c int, CONSTRAINT b_key UNIQUE (b), CHECK (c > 0));`;
    const desired = `CREATE TABLE t (a int NOT NULL PRIMARY KEY, b text, c int UNIQUE, CONSTRAINT c_small CHECK (c < 100));`;
    const m = await migrate(current, desired, { seed: "INSERT INTO t VALUES (1, 'x', 5), (2, 'y', 6)" });
    assert.equal(rebuilds(m), 1, sqlOf(m));
    assert.equal((await m.conn.query("SELECT count(*) AS n FROM t"))[0]!.n, 2);
    await assert.rejects(m.conn.exec("INSERT INTO t VALUES (3, 'z', 5)"), /UNIQUE constraint failed/);
    await assert.rejects(m.conn.exec("INSERT INTO t VALUES (1, 'z', 7)"), /UNIQUE constraint failed: t.a/);
    await assert.rejects(m.conn.exec("INSERT INTO t VALUES (4, 'z', 500)"), /CHECK constraint failed: c_small/);
    await m.conn.exec("INSERT INTO t VALUES (5, 'x', 7)");
    const back = await migrate(desired, current, { seed: "INSERT INTO t VALUES (1, 'x', 5)" });
    assert.equal(rebuilds(back), 1);
    await back.conn.exec("INSERT INTO t VALUES (1, 'y', 6)");
  });

  it("switches STRICT and WITHOUT ROWID by rebuilding", async () => {
    const m = await migrate(`CREATE TABLE kv (k text PRIMARY KEY, v int);`, `CREATE TABLE kv (k text PRIMARY KEY, v int) STRICT, WITHOUT ROWID;`, {
      seed: "INSERT INTO kv VALUES ('a', 1)",
    });
    assert.equal(rebuilds(m), 1);
    await assert.rejects(m.conn.exec("INSERT INTO kv VALUES ('b', 'not an int')"), /cannot store TEXT value in INT column/);
    assert.deepEqual(await m.conn.query("SELECT * FROM kv"), [{ k: "a", v: 1 }]);
  });

  it("keeps the rows of a table or column respelled in another ASCII case (the same name to SQLite)", async () => {
    const m = await migrate(`CREATE TABLE USERS (id integer PRIMARY KEY, Name text);`, `CREATE TABLE users (id integer PRIMARY KEY, name text, extra int);`, {
      seed: "INSERT INTO USERS VALUES (1, 'ann')",
    });
    assert.deepEqual(
      m.changes.map((c) => c.kind),
      ["rename-table", "rename-column", "add-column"],
    );
    assert.deepEqual(await m.conn.query("SELECT id, name, extra FROM users"), [{ id: 1, name: "ann", extra: null }]);
    assert.deepEqual(await m.conn.query("SELECT name FROM sqlite_schema WHERE type = 'table'"), [{ name: "users" }]);
  });

  it("renames a table to another ASCII case when told to, through a temporary name, with what refers to it", async () => {
    const m = await migrate(
      `CREATE TABLE USERS (id integer PRIMARY KEY, n text); CREATE TABLE c (id integer PRIMARY KEY, u int REFERENCES USERS (id));
       CREATE INDEX ix_n ON USERS (n); CREATE VIEW v AS SELECT n FROM USERS;`,
      `CREATE TABLE users (id integer PRIMARY KEY, n text); CREATE TABLE c (id integer PRIMARY KEY, u int REFERENCES users (id));
       CREATE INDEX ix_n ON users (n); CREATE VIEW v AS SELECT n FROM users;`,
      {
        seed: "INSERT INTO USERS VALUES (1, 'ann'); INSERT INTO c VALUES (1, 1)",
        diff: { renames: explicitRenames({ tables: [{ from: { schema: "", name: "USERS" }, to: { schema: "", name: "users" } }] }) },
      },
    );
    assert.equal(rebuilds(m), 0, sqlOf(m));
    assert.match(sqlOf(m), /ALTER TABLE "USERS" RENAME TO "_shale_rename_users";\nALTER TABLE "_shale_rename_users" RENAME TO "users"/);
    assert.deepEqual(await m.conn.query("SELECT c.id, users.n FROM c JOIN users ON users.id = c.u"), [{ id: 1, n: "ann" }]);
  });

  it("renames a column or index respelled in ASCII case in place, and rebuilds around the rename when more changes", async () => {
    const m = await migrate(
      `CREATE TABLE t (id integer PRIMARY KEY, Name text, x int); CREATE INDEX IX_Name ON t (Name); CREATE VIEW v AS SELECT Name FROM t;`,
      `CREATE TABLE t (id integer PRIMARY KEY, name text, x int); CREATE INDEX ix_name ON t (name); CREATE VIEW v AS SELECT name FROM t;`,
      { seed: "INSERT INTO t VALUES (1, 'ann', 2)" },
    );
    assert.deepEqual(
      m.changes.map((c) => c.kind),
      ["rename-column", "rename-index"],
    );
    assert.equal(rebuilds(m), 0);
    assert.match(sqlOf(m), /ALTER TABLE "t" RENAME COLUMN "Name" TO "name"/);
    assert.deepEqual(await m.conn.query("SELECT id, name, x FROM t"), [{ id: 1, name: "ann", x: 2 }]);
    const changed = await migrate(`CREATE TABLE t (id integer PRIMARY KEY, Name text, x int);`, `CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL, x int);`, {
      seed: "INSERT INTO t VALUES (1, 'ann', 2)",
    });
    assert.deepEqual(
      changed.changes.map((c) => c.kind),
      ["rename-column", "alter-column"],
    );
    assert.equal(rebuilds(changed), 1);
    assert.deepEqual(await changed.conn.query("SELECT id, name, x FROM t"), [{ id: 1, name: "ann", x: 2 }]);
  });

  it("creates, drops and renames indexes", async () => {
    const m = await migrate(
      `${USERS} CREATE INDEX a ON users (name); CREATE INDEX b ON users (age);`,
      `${USERS} CREATE INDEX c ON users (name); CREATE UNIQUE INDEX b2 ON users (lower(name) DESC) WHERE age IS NOT NULL;`,
      {
        seed: SEED,
        diff: { renames: explicitRenames({ indexes: [{ table: { schema: "", name: "users" }, from: "a", to: "c" }] }) },
      },
    );
    assert.equal(rebuilds(m), 0);
    assert.match(sqlOf(m), /DROP INDEX "a";\nCREATE INDEX "c" ON "users" \("name"\)/);
  });

  it("creates, replaces and drops views and triggers, and re-creates views that read a replaced one", async () => {
    const base = `${USERS} CREATE TABLE log (msg text);`;
    const current = `${base}
      CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18;
      CREATE VIEW adult_names AS SELECT name FROM adults;
      CREATE VIEW gone AS SELECT 1;
      CREATE TRIGGER ins INSTEAD OF INSERT ON adult_names BEGIN INSERT INTO users (name, age) VALUES (NEW.name, 18); END;
      CREATE TRIGGER t1 AFTER DELETE ON users BEGIN INSERT INTO log VALUES ('deleted'); END;`;
    const desired = `${base}
      CREATE VIEW adults AS SELECT * FROM users WHERE age >= 21;
      CREATE VIEW adult_names AS SELECT name FROM adults;
      CREATE VIEW added AS SELECT count(*) AS n FROM users;
      CREATE TRIGGER ins INSTEAD OF INSERT ON adult_names BEGIN INSERT INTO users (name, age) VALUES (NEW.name, 18); END;
      CREATE TRIGGER t1 AFTER DELETE ON users BEGIN INSERT INTO log VALUES ('removed ' || OLD.name); END;`;
    const m = await migrate(current, desired, { seed: SEED });
    await m.conn.exec("INSERT INTO adult_names (name) VALUES ('cy')");
    await m.conn.exec("DELETE FROM users WHERE name = 'cy'");
    assert.deepEqual(await m.conn.query("SELECT msg FROM log"), [{ msg: "removed cy" }]);
  });
});
