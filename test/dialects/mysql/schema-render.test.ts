/**
 * The MySQL renderer on hand-built plans, without a server: what merges into one ALTER TABLE
 * and what must not, the statements of standalone objects, MySQL 8 spellings, and the change
 * kinds MySQL has no object for (an error with a hint, never a silent drop).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Change } from "../../../src/diff/changes.js";
import { render } from "../../../src/dialects/mysql/render.js";
import { ShaleError } from "../../../src/errors.js";
import type { PlanStep } from "../../../src/plan/types.js";
import { emptySchema, type Column, type ForeignKey, type Index, type Schema, type Table } from "../../../src/schema/types.js";

const T = { schema: "", name: "t" };
const ESCAPES_ON =
  "SET @shale_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))";
const MODE_RESTORED = "SET SESSION sql_mode = @shale_sql_mode";
const U = { schema: "", name: "u" };
const int = (name: string): Column => ({ name, type: { kind: "builtin", name: "int" }, nullable: true });
const index = (name: string, column: string, extra: Partial<Index> = {}): Index => ({ name, unique: false, parts: [{ column }], ...extra });
const fk: ForeignKey = { name: "fk", columns: ["a"], references: U, referencedColumns: ["id"], onDelete: "cascade", onUpdate: "no action" };
const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({ schema: "", name, columns, uniques: [], foreignKeys: [], checks: [], indexes: [], ...extra });
const schema = (...tables: Table[]): Schema => ({ ...emptySchema("mysql"), tables });

function steps(...changes: Change[]): { steps: PlanStep[] } {
  return { steps: changes.map((change) => ({ change, phase: "alter-tables", destructive: change.kind.startsWith("drop"), irreversible: false })) };
}

function sqls(changes: Change[], from = schema(table("t", [int("id"), int("a")])), to = from): string[] {
  return render(steps(...changes), from, to).map((s) => s.sql);
}

function unsupported(change: Change): void {
  assert.throws(
    () => render(steps(change), emptySchema("mysql"), emptySchema("mysql")),
    (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_UNSUPPORTED_CHANGE" && typeof err.hint === "string",
  );
}

describe("MySQL renderer: one ALTER TABLE per table", () => {
  it("regroups interleaved steps by table and lists every step of a statement", () => {
    const from = schema(table("t", [int("id")]), table("u", [int("id")]));
    const to = schema(table("t", [int("id"), int("a"), int("b")]), table("u", [int("id"), int("c")]));
    const out = render(
      steps(
        { kind: "add-column", table: T, column: int("a") },
        { kind: "add-column", table: U, column: int("c") },
        { kind: "add-column", table: T, column: int("b") },
        { kind: "create-index", table: T, index: index("ix_a", "a") },
      ),
      from,
      to,
    );
    assert.deepEqual(out, [
      { sql: "ALTER TABLE `t`\n  ADD COLUMN `a` int NULL,\n  ADD COLUMN `b` int NULL,\n  ADD KEY `ix_a` (`a`)", steps: [0, 2, 3], destructive: false },
      { sql: "ALTER TABLE `u` ADD COLUMN `c` int NULL", steps: [1], destructive: false },
    ]);
  });

  it("drops foreign keys in a statement before the one that drops their index or column", () => {
    assert.deepEqual(
      sqls([
        { kind: "drop-index", table: T, index: index("fk", "a") },
        { kind: "drop-column", table: T, column: int("a") },
        { kind: "drop-foreign-key", table: T, foreignKey: fk },
      ]),
      ["ALTER TABLE `t` DROP FOREIGN KEY `fk`", "ALTER TABLE `t`\n  DROP INDEX `fk`,\n  DROP COLUMN `a`"],
    );
  });

  it("adds a foreign key in the statement that makes its index, after it", () => {
    assert.deepEqual(
      sqls([
        { kind: "add-foreign-key", table: T, foreignKey: fk },
        { kind: "create-index", table: T, index: index("fk", "a") },
      ]),
      ["ALTER TABLE `t`\n  ADD KEY `fk` (`a`),\n  ADD CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `u` (`id`) ON DELETE CASCADE"],
    );
  });

  it("adds a foreign key after every table it references has its keys", () => {
    const from = schema(table("t", [int("id"), int("a")]), table("u", [int("id")]));
    const out = sqls(
      [
        { kind: "add-foreign-key", table: T, foreignKey: fk },
        { kind: "add-column", table: T, column: int("b") },
        { kind: "add-primary-key", table: U, primaryKey: { columns: ["id"] } },
      ],
      from,
    );
    assert.deepEqual(out, [
      "ALTER TABLE `t` ADD COLUMN `b` int NULL",
      "ALTER TABLE `u` ADD PRIMARY KEY (`id`)",
      "ALTER TABLE `t` ADD CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `u` (`id`) ON DELETE CASCADE",
    ]);
  });

  it("builds one FULLTEXT index per statement and keeps renames alone", () => {
    assert.deepEqual(
      sqls([
        { kind: "create-index", table: T, index: index("f1", "b", { method: "fulltext" }) },
        { kind: "create-index", table: T, index: index("f2", "id", { method: "fulltext" }) },
        { kind: "rename-column", table: T, from: "a", to: "b" },
      ]),
      ["ALTER TABLE `t` RENAME COLUMN `a` TO `b`", "ALTER TABLE `t` ADD FULLTEXT KEY `f1` (`b`)", "ALTER TABLE `t` ADD FULLTEXT KEY `f2` (`id`)"],
    );
  });
});

describe("MySQL renderer: definitions", () => {
  it("writes a column's full definition, with MySQL 8 spellings where they differ", () => {
    const column: Column = {
      name: "c",
      type: { kind: "builtin", name: "decimal unsigned", args: ["10", "2"] },
      nullable: false,
      default: "rand()",
      comment: "it's \\",
      attrs: { "mysql.invisible": true },
    };
    const generated: Column = { name: "g", type: { kind: "builtin", name: "int" }, nullable: false, generated: { expression: "`a` + 1", stored: true } };
    assert.deepEqual(
      sqls([
        { kind: "alter-column", table: T, from: int("c"), to: column, what: ["type"] },
        { kind: "add-column", table: T, column: generated },
      ]),
      [
        ESCAPES_ON,
        "ALTER TABLE `t`\n  MODIFY COLUMN `c` decimal(10,2) unsigned NOT NULL DEFAULT (rand()) INVISIBLE COMMENT 'it''s \\\\',\n  ADD COLUMN `g` int GENERATED ALWAYS AS (`a` + 1) STORED NOT NULL",
        MODE_RESTORED,
      ],
    );
  });

  it("toggles MySQL 8 invisible and MariaDB ignored indexes in place, rebuilds for a comment", () => {
    const plain = (name: string) => index(name, "a");
    assert.deepEqual(
      sqls([
        { kind: "alter-index", table: T, from: plain("i1"), to: { ...plain("i1"), attrs: { "mysql.invisible": true } } },
        { kind: "alter-index", table: T, from: { ...plain("i2"), attrs: { "mysql.invisible": true } }, to: plain("i2") },
        { kind: "alter-index", table: T, from: { ...plain("i3"), attrs: { "mariadb.ignored": true } }, to: plain("i3") },
        { kind: "alter-index", table: T, from: plain("i4"), to: { ...plain("i4"), comment: "c" } },
      ]),
      ["ALTER TABLE `t`\n  DROP INDEX `i4`,\n  ALTER INDEX `i1` INVISIBLE,\n  ALTER INDEX `i2` VISIBLE,\n  ALTER INDEX `i3` NOT IGNORED,\n  ADD KEY `i4` (`a`) COMMENT 'c'"],
    );
  });

  it("writes views, routines and triggers as single statements without DELIMITER, drops first", () => {
    const view = { schema: "", name: "v", definition: "select 1 AS `one`", materialized: false, attrs: { "mysql.algorithm": "MERGE", "mysql.security": "INVOKER", "mysql.checkOption": "LOCAL" } };
    const routine = { schema: "", name: "p", kind: "procedure" as const, signature: "", definition: "CREATE PROCEDURE `p`() BEGIN SELECT 1; END" };
    const out = render(
      steps(
        { kind: "create-view", view },
        { kind: "replace-routine", from: routine, to: routine },
        { kind: "drop-trigger", trigger: { schema: "", name: "tr", table: T, definition: "" } },
        { kind: "drop-view", view },
      ),
      emptySchema("mysql"),
      emptySchema("mysql"),
    );
    assert.deepEqual(out, [
      { sql: "DROP TRIGGER `tr`", steps: [2], destructive: true },
      { sql: "DROP VIEW `v`", steps: [3], destructive: true },
      { sql: "CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW `v` AS select 1 AS `one` WITH LOCAL CHECK OPTION", steps: [0], destructive: false },
      { sql: "DROP PROCEDURE `p`", steps: [1], destructive: false },
      { sql: "CREATE PROCEDURE `p`() BEGIN SELECT 1; END", steps: [1], destructive: false },
    ]);
  });

  it("writes CREATE TABLE with every part inline and the table options", () => {
    const t = table("t", [int("id"), int("a")], {
      primaryKey: { columns: ["id"] },
      indexes: [index("ix", "a", { comment: "x" })],
      checks: [{ name: "ck", expression: "`a` > 0" }],
      foreignKeys: [fk],
      comment: "the t",
      attrs: { "mysql.engine": "InnoDB", "mysql.charset": "utf8mb4", "mysql.collation": "utf8mb4_bin", "mysql.rowFormat": "DYNAMIC" },
    });
    assert.deepEqual(sqls([{ kind: "create-table", table: t }], emptySchema("mysql")), [
      "CREATE TABLE `t` (\n  `id` int NULL,\n  `a` int NULL,\n  PRIMARY KEY (`id`),\n  KEY `ix` (`a`) COMMENT 'x',\n  CONSTRAINT `ck` CHECK (`a` > 0),\n  CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `u` (`id`) ON DELETE CASCADE\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC COMMENT='the t'",
    ]);
  });

  it("renders nothing for the database's own namespace", () => {
    assert.deepEqual(sqls([{ kind: "create-namespace", namespace: { name: "" } }]), []);
  });
});

describe("MySQL renderer: what MySQL has no object for", () => {
  it("refuses named schemas, extensions, enum types, domains, sequences, materialized views and view comments", () => {
    unsupported({ kind: "create-namespace", namespace: { name: "app" } });
    unsupported({ kind: "create-extension", extension: { name: "citext" } });
    unsupported({ kind: "create-enum", enum: { schema: "", name: "mood", values: ["a"] } });
    unsupported({ kind: "create-domain", domain: { schema: "", name: "d", type: { kind: "builtin", name: "int" }, nullable: true, checks: [] } });
    unsupported({ kind: "create-sequence", sequence: { schema: "", name: "s", type: "bigint", start: "1", increment: "1", min: "1", max: "9", cache: "1", cycle: false } });
    const view = { schema: "", name: "m", definition: "select 1", materialized: true };
    unsupported({ kind: "create-view", view });
    unsupported({ kind: "alter-view-comment", from: { ...view, materialized: false }, to: { ...view, materialized: false, comment: "x" } });
    unsupported({ kind: "add-column", table: T, column: { name: "x", type: { kind: "array", element: { kind: "builtin", name: "int" } }, nullable: true } });
    unsupported({ kind: "create-index", table: T, index: index("p", "a", { where: "a > 0" }) });
    unsupported({ kind: "create-index", table: T, index: index("g", "a", { method: "gin" }) });
    unsupported({ kind: "add-foreign-key", table: T, foreignKey: { ...fk, deferrable: true } });
  });

  it("refuses comments on constraints and triggers, naming what carries one", () => {
    const refused = (change: Change, message: string): void => {
      assert.throws(
        () => render(steps(change), emptySchema("mysql"), emptySchema("mysql")),
        (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_UNSUPPORTED_CHANGE" && err.message === message && typeof err.hint === "string",
      );
    };
    refused({ kind: "alter-constraint-comment", table: T, constraint: { kind: "foreign-key", name: "fk" }, to: "x" }, "MySQL has no comments on constraints (foreign key fk of t).");
    refused({ kind: "alter-constraint-comment", table: T, constraint: { kind: "primary-key" }, to: "x" }, "MySQL has no comments on constraints (primary key (unnamed) of t).");
    const trigger = { schema: "", name: "tr", table: T, definition: "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET @x = 1" };
    refused({ kind: "alter-trigger-comment", from: trigger, to: { ...trigger, comment: "x" } }, "MySQL has no trigger comments (tr).");
  });

  it("refuses option values that are not plain words instead of writing them into SQL", () => {
    const evil = table("t", [int("id")], { attrs: { "mysql.engine": "InnoDB; DROP TABLE x" } });
    unsupported({ kind: "create-table", table: evil });
  });
});
