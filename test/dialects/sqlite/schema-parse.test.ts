/**
 * The small parsers that read SQLite's stored CREATE statements, the declared-type reader
 * and the SQL comparison of the diff hooks, on inputs chosen to trip them: quotes of every
 * kind, comments, nested parentheses, keywords inside strings, constraints without commas.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDeclaredType } from "../../../src/dialects/sqlite/column-type.js";
import { canonicalSql, diffHooks } from "../../../src/dialects/sqlite/diff-hooks.js";
import { parseCreateTable } from "../../../src/dialects/sqlite/parse-create-table.js";
import { parseCreateIndex, parseCreateView } from "../../../src/dialects/sqlite/parse-statements.js";
import { defaultSql, isConstantDefault } from "../../../src/dialects/sqlite/render-sql.js";

describe("SQLite CREATE TABLE parser", () => {
  it("reads checks, collations, generated columns, AUTOINCREMENT and names through comments and quotes", () => {
    const parsed = parseCreateTable(`CREATE TABLE IF NOT EXISTS main."t(1)" ( -- (unbalanced in a comment
      [id] INTEGER PRIMARY KEY ASC ON CONFLICT REPLACE AUTOINCREMENT,
      "a""b" text NOT NULL ON CONFLICT FAIL DEFAULT 'x, y)' COLLATE "NoCase" CHECK ("a""b" <> 'CHECK (')
        CONSTRAINT second CHECK (length("a""b") > (1 + (2))),
      \`c\` numeric(10, 2) GENERATED ALWAYS AS (round("a""b" * 2, 2)) STORED /* , fake INT */,
      'd' int AS (c) REFERENCES other(x) NOT DEFERRABLE INITIALLY DEFERRED NOT NULL,
      e DEFAULT -1 CONSTRAINT e_u UNIQUE,
      CONSTRAINT pk2 UNIQUE (c COLLATE nocase DESC, d) CHECK (e > 0)
      FOREIGN KEY (e, d) REFERENCES "Other" ON DELETE SET NULL ON UPDATE NO ACTION MATCH FULL DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID`);
    assert.deepEqual(parsed.columns, [
      { name: "id", autoincrement: true },
      { name: 'a"b', autoincrement: false, collation: "NoCase" },
      { name: "c", autoincrement: false, generated: { expression: `round("a""b" * 2, 2)`, stored: true } },
      { name: "d", autoincrement: false, generated: { expression: "c", stored: false } },
      { name: "e", autoincrement: false },
    ]);
    assert.deepEqual(parsed.checks, [
      { expression: `"a""b" <> 'CHECK ('` },
      { name: "second", expression: `length("a""b") > (1 + (2))` },
      { expression: "e > 0" },
    ]);
    assert.deepEqual(parsed.uniques, [
      { name: "e_u", columns: ["e"] },
      { name: "pk2", columns: ["c", "d"] },
    ]);
    assert.deepEqual(parsed.foreignKeys, [
      { columns: ["d"], table: "other", referencedColumns: ["x"], initiallyDeferred: false },
      { columns: ["e", "d"], table: "Other", referencedColumns: [], initiallyDeferred: true },
    ]);
  });

  it("reads a table made by CREATE TABLE AS (no constraints) and a table constraint PRIMARY KEY with AUTOINCREMENT", () => {
    assert.deepEqual(parseCreateTable(`CREATE TABLE t(a INT, "b" TEXT)`).columns.map((c) => c.name), ["a", "b"]);
    assert.deepEqual(parseCreateTable("CREATE TABLE t AS SELECT 1").columns, []);
  });
});

describe("SQLite CREATE INDEX and CREATE VIEW parsers", () => {
  it("reads index parts with expressions, collations and directions, and the predicate", () => {
    assert.deepEqual(
      parseCreateIndex(`CREATE UNIQUE INDEX IF NOT EXISTS "on" ON "t on" (a, lower(b || ',') COLLATE "RTRIM" DESC, "c" ASC) WHERE a IN ('x', 'y)') -- done`),
      {
        parts: [{ expression: "a" }, { expression: "lower(b || ',')", collation: "RTRIM" }, { expression: '"c"' }],
        where: "a IN ('x', 'y)')",
      },
    );
  });

  it("reads a view's columns and body", () => {
    assert.deepEqual(parseCreateView(`CREATE TEMP VIEW IF NOT EXISTS "v as" ("a", b) AS SELECT 1 AS x, 2 -- trailing`), {
      columns: ["a", "b"],
      definition: "SELECT 1 AS x, 2",
    });
    assert.deepEqual(parseCreateView("CREATE VIEW v AS WITH c AS (SELECT 1) SELECT * FROM c"), { definition: "WITH c AS (SELECT 1) SELECT * FROM c" });
  });
});

describe("SQLite types, defaults and SQL comparison", () => {
  it("keeps the declared type, lower-cased, with its arguments", () => {
    assert.deepEqual(parseDeclaredType("VARCHAR ( 20 )"), { kind: "builtin", name: "varchar", args: ["20"] });
    assert.deepEqual(parseDeclaredType("Unsigned  Big INT"), { kind: "builtin", name: "unsigned big int" });
    assert.deepEqual(parseDeclaredType("DECIMAL(10,-2)"), { kind: "builtin", name: "decimal", args: ["10", "-2"] });
    assert.deepEqual(parseDeclaredType(""), { kind: "raw", sql: "" });
    assert.deepEqual(parseDeclaredType("int[]"), { kind: "raw", sql: "int[]" });
  });

  it("writes defaults bare only when ALTER TABLE takes them so", () => {
    assert.equal(defaultSql("-1"), "-1");
    assert.equal(defaultSql("'a b'"), "'a b'");
    assert.equal(defaultSql("X'00ff'"), "X'00ff'");
    assert.equal(defaultSql("1.5e3"), "1.5e3");
    assert.equal(defaultSql("CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP");
    assert.equal(defaultSql("1 + 2"), "(1 + 2)");
    assert.equal(defaultSql("datetime('now') -- now"), "(datetime('now') -- now\n)");
    assert.ok(isConstantDefault("-1.5") && isConstantDefault("'x'") && isConstantDefault("NULL") && isConstantDefault("X'00'"));
    assert.ok(!isConstantDefault("CURRENT_TIMESTAMP") && !isConstantDefault("1 + 2") && !isConstantDefault('"x"'));
  });

  it("compares SQL by tokens: spacing, keyword case, plain quoting and outer parentheses do not count", () => {
    assert.equal(canonicalSql(`((A  >  "b"))`), "a > b");
    assert.ok(diffHooks.sameExpression!("lower( Name )", `(LOWER("name"))`));
    assert.ok(!diffHooks.sameExpression!("a = 'X'", "a = 'x'"));
    assert.ok(!diffHooks.sameExpression!(`"a b" > 1`, "a b > 1"));
    assert.ok(!diffHooks.sameExpression!("(a) + (b)", "a) + (b"));
    assert.ok(diffHooks.sameDefinition!("CREATE TRIGGER t AFTER INSERT ON \"users\" BEGIN SELECT 1; END", "create trigger t after insert on users\nbegin select 1; end"));
  });
});
