/**
 * MySQL alterations, one pair of schemas per change kind: load A and B, diff A → B, apply the
 * DDL to A, inspect again and require no difference; then the same back to A's original IR.
 * Where it matters, the statements themselves are checked: one ALTER TABLE per table, foreign
 * key drops before the index they use, one FULLTEXT index per statement.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { explicitRenames } from "../../../src/diff/rename-strategy.js";
import { describeEachDialect } from "../../support/databases.js";
import { alters, roundTrip, script } from "./schema-helpers.js";

describeEachDialect("MySQL alterations", (dialect) => {
  if (dialect !== "mysql") return;

  it("adds and drops columns in place, keeping the desired column order", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (id INT PRIMARY KEY, b INT, gone INT)",
      "CREATE TABLE t (first_col INT, id INT PRIMARY KEY, a VARCHAR(10) NOT NULL DEFAULT 'x', b INT, c JSON)",
    );
    assert.equal(d.statements.length, 1, script(d.statements));
    assert.match(d.statements[0]!.sql, /ADD COLUMN `first_col` int NULL FIRST/);
    assert.match(d.statements[0]!.sql, /ADD COLUMN `a` varchar\(10\) NOT NULL DEFAULT 'x' AFTER `id`/);
    assert.match(d.statements[0]!.sql, /DROP COLUMN `gone`/);
    assert.ok(d.statements[0]!.destructive);
  });

  it("modifies a column with its full new definition: type, nullability, default, comment, charset, on update, invisible, auto-increment", async () => {
    await roundTrip(
      "CREATE TABLE t (id INT NOT NULL, a INT, b VARCHAR(10), c DATETIME, d INT, e VARCHAR(5) CHARACTER SET latin1, UNIQUE KEY (id))",
      `CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT, a BIGINT NOT NULL DEFAULT 7 COMMENT 'the a',
        b VARCHAR(20) COLLATE utf8mb4_bin, c DATETIME DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
        d INT INVISIBLE, e VARCHAR(5), UNIQUE KEY (id))`,
    );
  });

  it("merges every change of one table into a single ALTER TABLE that lists all its steps", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (id INT NOT NULL, a INT, b INT, c INT, KEY ix_a (a), CONSTRAINT ck CHECK (b > 0)) COMMENT 'old'",
      "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a BIGINT, b INT, d INT, KEY ix_b (b), CONSTRAINT ck2 CHECK (b > 1)) COMMENT 'new'",
    );
    const statements = alters(d, "t");
    assert.equal(statements.length, 1, script(d.statements));
    const [statement] = d.statements;
    assert.equal(statement!.steps.length, d.plan.steps.length);
    assert.deepEqual(
      statement!.sql.split("\n").map((line) => line.trim().replace(/,$/, "")),
      [
        "ALTER TABLE `t`",
        "DROP CONSTRAINT `ck`",
        "DROP INDEX `ix_a`",
        "DROP COLUMN `c`",
        "ADD COLUMN `d` int NULL AFTER `b`",
        "MODIFY COLUMN `a` bigint NULL",
        "ADD PRIMARY KEY (`id`)",
        "ADD KEY `ix_b` (`b`)",
        "ADD CONSTRAINT `ck2` CHECK (`b` > 1)",
        "COMMENT='new'",
      ],
    );
  });

  it("changes indexes: prefix, order, unique, comments, visibility, fulltext one per statement, spatial", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(50), b TEXT, c TEXT, g POINT NOT NULL, KEY ix (a), KEY iv (id) COMMENT 'x')",
      `CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(50), b TEXT, c TEXT, g POINT NOT NULL, UNIQUE KEY ix (a(20) DESC), KEY iv (id) COMMENT 'y' IGNORED,
        FULLTEXT KEY fb (b), FULLTEXT KEY fc (c), SPATIAL KEY sg (g))`,
    );
    const statements = alters(d, "t");
    assert.equal(statements.length, 2, script(d.statements));
    assert.equal(statements.filter((sql) => sql.includes("FULLTEXT")).length, 2);
  });

  it("toggles index visibility in place", async () => {
    const d = await roundTrip("CREATE TABLE t (id INT, KEY ix (id))", "CREATE TABLE t (id INT, KEY ix (id) IGNORED)");
    assert.deepEqual(d.statements.map((s) => s.sql), ["ALTER TABLE `t` ALTER INDEX `ix` IGNORED"]);
  });

  it("adds, drops and changes primary keys", async () => {
    await roundTrip("CREATE TABLE t (a INT NOT NULL, b INT NOT NULL)", "CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b))");
    await roundTrip("CREATE TABLE t (a INT NOT NULL PRIMARY KEY, b INT NOT NULL)", "CREATE TABLE t (a INT NOT NULL, b INT NOT NULL PRIMARY KEY)");
  });

  it("adds a foreign key with the index it needs, and drops the key in an earlier statement than its index", async () => {
    const parent = "CREATE TABLE p (id INT PRIMARY KEY);";
    const d = await roundTrip(
      `${parent} CREATE TABLE c (id INT PRIMARY KEY, pid INT)`,
      `${parent} CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk_c FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE)`,
    );
    assert.deepEqual(alters(d, "c"), [
      "ALTER TABLE `c`\n  ADD KEY `fk_c` (`pid`),\n  ADD CONSTRAINT `fk_c` FOREIGN KEY (`pid`) REFERENCES `p` (`id`) ON DELETE CASCADE",
    ]);
    const back = await roundTrip(
      `${parent} CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk_c FOREIGN KEY (pid) REFERENCES p (id))`,
      `${parent} CREATE TABLE c (id INT PRIMARY KEY, pid INT)`,
    );
    assert.deepEqual(alters(back, "c"), ["ALTER TABLE `c` DROP FOREIGN KEY `fk_c`", "ALTER TABLE `c` DROP INDEX `fk_c`"]);
  });

  it("changes a foreign key's actions and a key between new tables in a cycle", async () => {
    await roundTrip(
      "CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id))",
      "CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET NULL ON UPDATE CASCADE)",
    );
    await roundTrip(
      "",
      `CREATE TABLE a (id INT PRIMARY KEY, bid INT);
       CREATE TABLE b (id INT PRIMARY KEY, aid INT, CONSTRAINT fk_b_a FOREIGN KEY (aid) REFERENCES a (id));
       ALTER TABLE a ADD CONSTRAINT fk_a_b FOREIGN KEY (bid) REFERENCES b (id)`,
    );
  });

  it("adds, drops and changes checks, MariaDB's column-level ones through their column", async () => {
    await roundTrip(
      "CREATE TABLE t (a INT, b INT, c INT CHECK (c > 0), CONSTRAINT c1 CHECK (a > 0), CONSTRAINT c2 CHECK (b > 0))",
      "CREATE TABLE t (a INT, b INT CHECK (b < 100), c INT, CONSTRAINT c1 CHECK (a > 1), CONSTRAINT c3 CHECK (a <> b), CONSTRAINT c CHECK (c > 1))",
    );
  });

  it("re-adds a foreign key without losing the index MySQL made for the old one", async () => {
    const tables = "CREATE TABLE u (id INT PRIMARY KEY); CREATE TABLE a (id INT PRIMARY KEY);";
    await roundTrip(
      `${tables} CREATE TABLE p (id INT PRIMARY KEY, author_id INT, FOREIGN KEY (author_id) REFERENCES u (id))`,
      `${tables} CREATE TABLE p (id INT PRIMARY KEY, author_id INT, FOREIGN KEY (author_id) REFERENCES a (id))`,
    );
  });

  it("changes engine, comment, row format, and the default character set with the columns that follow it", async () => {
    await roundTrip(
      "CREATE TABLE t (id INT, name VARCHAR(10), fixed VARCHAR(10) COLLATE utf8mb4_bin) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
      "CREATE TABLE t (id INT, name VARCHAR(10), fixed VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin) ENGINE=MyISAM DEFAULT CHARSET=latin1 ROW_FORMAT=FIXED COMMENT='moved'",
    );
  });

  it("changes generated columns: expression and STORED in place, VIRTUAL by drop and add with its index", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (a INT, g INT AS (a + 1) VIRTUAL, s INT AS (a * 2) STORED, p INT, q INT AS (a * 3) STORED, KEY ig (s))",
      "CREATE TABLE t (a INT, g INT AS (a + 2) VIRTUAL, s INT AS (a * 2) VIRTUAL, p INT AS (a * 4) STORED, q INT, KEY ig (s))",
    );
    assert.deepEqual(d.statements.map((s) => s.sql), [
      [
        "ALTER TABLE `t`",
        "  DROP INDEX `ig`,",
        "  DROP COLUMN `s`,",
        "  MODIFY COLUMN `g` int GENERATED ALWAYS AS (`a` + 2) VIRTUAL,",
        "  ADD COLUMN `s` int GENERATED ALWAYS AS (`a` * 2) VIRTUAL AFTER `g`,",
        "  MODIFY COLUMN `p` int GENERATED ALWAYS AS (`a` * 4) STORED,",
        "  MODIFY COLUMN `q` int NULL,",
        "  ADD KEY `ig` (`s`)",
      ].join("\n"),
    ]);
  });

  it("renames tables, columns and indexes when told to, alone in their statements", async () => {
    const renames = explicitRenames({
      tables: [{ from: { schema: "", name: "old_t" }, to: { schema: "", name: "new_t" } }],
      columns: [{ table: { schema: "", name: "new_t" }, from: "a", to: "b" }],
      indexes: [{ table: { schema: "", name: "new_t" }, from: "ix_a", to: "ix_b" }],
    });
    const backward = explicitRenames({
      tables: [{ from: { schema: "", name: "new_t" }, to: { schema: "", name: "old_t" } }],
      columns: [{ table: { schema: "", name: "old_t" }, from: "b", to: "a" }],
      indexes: [{ table: { schema: "", name: "old_t" }, from: "ix_b", to: "ix_a" }],
    });
    const d = await roundTrip(
      "CREATE TABLE old_t (id INT, a INT CHECK (a > 0), KEY ix_a (a))",
      "CREATE TABLE new_t (id INT, b INT CHECK (b > 0), KEY ix_b (b))",
      { renames },
      { renames: backward },
    );
    // The check's text names the column, so it reads as changed and is stated again.
    assert.deepEqual(d.statements.map((s) => s.sql), [
      "RENAME TABLE `old_t` TO `new_t`",
      "ALTER TABLE `new_t`\n  RENAME COLUMN `a` TO `b`,\n  RENAME INDEX `ix_a` TO `ix_b`",
      "ALTER TABLE `new_t` MODIFY COLUMN `b` int NULL CHECK (`b` > 0)",
    ]);
  });

  it("creates, replaces and drops views, triggers and routines", async () => {
    await roundTrip(
      `CREATE TABLE t (id INT, n VARCHAR(10));
       CREATE VIEW v1 AS SELECT id FROM t;
       CREATE VIEW gone AS SELECT 1 AS one;
       CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 'a';
       CREATE FUNCTION f() RETURNS INT RETURN 1`,
      `CREATE TABLE t (id INT, n VARCHAR(10));
       CREATE ALGORITHM=MERGE VIEW v1 AS SELECT id, n FROM t;
       CREATE ALGORITHM=TEMPTABLE VIEW v3 AS SELECT DISTINCT n FROM t;
       CREATE VIEW v2 AS SELECT id FROM v1 WITH LOCAL CHECK OPTION;
       CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 'b';
       CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 2;
       CREATE PROCEDURE p(IN x INT) BEGIN SELECT x; END`,
    );
  });

  it("creates and drops tables with every part inline", async () => {
    await roundTrip(
      "CREATE TABLE keep (id INT PRIMARY KEY)",
      `CREATE TABLE keep (id INT PRIMARY KEY);
       CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, k INT, doc JSON, t TEXT, UNIQUE KEY (k), FULLTEXT KEY (t),
         CONSTRAINT fk_keep FOREIGN KEY (k) REFERENCES keep (id), CHECK (k > 0)) ENGINE=InnoDB COMMENT='new'`,
    );
  });
});
