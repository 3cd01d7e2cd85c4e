/**
 * The MySQL normalizer and the catalog readers without a server: canonical types and
 * defaults, and MySQL 8's catalog forms (raw defaults, DEFAULT_GENERATED, escaped expressions,
 * parenthesised checks, expression and invisible indexes) reading into the same IR as
 * MariaDB's. The server here is MariaDB, so MySQL 8 rows are written out as MySQL 8 returns them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mysqlDiffHooks } from "../../../src/dialects/mysql/diff-hooks.js";
import { canonicalType, parseColumnType, renderColumnType } from "../../../src/dialects/mysql/column-types.js";
import { canonicalDefault, mysql8Default } from "../../../src/dialects/mysql/defaults.js";
import { columnFromRow, tableHead } from "../../../src/dialects/mysql/inspect-columns.js";
import { checksByTable, foreignKeysByTable, indexesByTable } from "../../../src/dialects/mysql/inspect-keys.js";
import { routinesFromRows, viewFromRow } from "../../../src/dialects/mysql/inspect-objects.js";
import { queryText } from "../../../src/dialects/mysql/inspect-rows.js";
import { normalize } from "../../../src/dialects/mysql/normalize.js";
import { qualifiedReferences, stripOuterParens, stripQualifier } from "../../../src/dialects/mysql/sql-text.js";
import { emptySchema, type ColumnType, type Table } from "../../../src/schema/types.js";

const MYSQL8 = { mariadb: false, database: "app" };
const MARIADB = { mariadb: true, database: "app" };
const builtin = (name: string, args?: string[]): ColumnType => (args ? { kind: "builtin", name, args } : { kind: "builtin", name });

describe("MySQL column types", () => {
  const cases: [string, ColumnType][] = [
    ["int(11)", builtin("int")],
    ["int(10) unsigned", builtin("int unsigned")],
    ["INT UNSIGNED", builtin("int unsigned")],
    ["int(5) unsigned zerofill", builtin("int unsigned zerofill", ["5"])],
    ["int zerofill", builtin("int unsigned zerofill")],
    ["tinyint(1)", builtin("tinyint", ["1"])],
    ["tinyint(4)", builtin("tinyint")],
    ["BOOLEAN", builtin("tinyint", ["1"])],
    ["integer", builtin("int")],
    ["bigint(20) unsigned", builtin("bigint unsigned")],
    ["decimal", builtin("decimal", ["10", "0"])],
    ["numeric(8)", builtin("decimal", ["8", "0"])],
    ["decimal(10,2) unsigned", builtin("decimal unsigned", ["10", "2"])],
    ["float(30)", builtin("double")],
    ["float(7,3)", builtin("float", ["7", "3"])],
    ["double precision", builtin("double")],
    ["year(4)", builtin("year")],
    ["datetime(0)", builtin("datetime")],
    ["timestamp(6)", builtin("timestamp", ["6"])],
    ["bit", builtin("bit", ["1"])],
    ["char", builtin("char", ["1"])],
    ["character varying(20)", builtin("varchar", ["20"])],
    ["varchar(255)", builtin("varchar", ["255"])],
    ["json", builtin("json")],
    ["enum('a','b''c','d\\\\e')", { kind: "enum", values: ["a", "b'c", "d\\e"] }],
    ["set('x','y')", { kind: "set", values: ["x", "y"] }],
  ];
  for (const [text, type] of cases) {
    it(`reads ${text}`, () => {
      assert.deepEqual(parseColumnType(text), type);
      assert.deepEqual(parseColumnType(renderColumnType(type)), type);
    });
  }

  it("keeps what it cannot parse as raw, and renders modifiers after the arguments", () => {
    assert.deepEqual(parseColumnType("varchar(10) charset latin1"), { kind: "raw", sql: "varchar(10) charset latin1" });
    assert.equal(renderColumnType(builtin("decimal unsigned zerofill", ["10", "2"])), "decimal(10,2) unsigned zerofill");
    assert.deepEqual(canonicalType({ kind: "raw", sql: "INTEGER(11)" }), builtin("int"));
  });
});

describe("MySQL defaults", () => {
  it("turns MySQL 8's raw COLUMN_DEFAULT into MariaDB's printed form", () => {
    assert.equal(mysql8Default("abc", "", builtin("varchar", ["10"])), "'abc'");
    assert.equal(mysql8Default("it's \\ x", "", builtin("varchar", ["10"])), "'it''s \\\\ x'");
    assert.equal(mysql8Default("0.00", "", builtin("decimal", ["10", "2"])), "0.00");
    assert.equal(mysql8Default("b'101'", "", builtin("bit", ["3"])), "b'101'");
    assert.equal(mysql8Default("2000-01-01", "", builtin("date")), "'2000-01-01'");
    assert.equal(mysql8Default(null, "", builtin("int")), undefined);
    assert.equal(mysql8Default("CURRENT_TIMESTAMP", "DEFAULT_GENERATED", builtin("timestamp")), "CURRENT_TIMESTAMP");
    assert.equal(mysql8Default("rand()", "DEFAULT_GENERATED", builtin("double")), "rand()");
    assert.equal(mysql8Default("_utf8mb4\\'it\\\\\\'s\\'", "DEFAULT_GENERATED", builtin("text")), "_utf8mb4'it\\'s'");
  });

  it("canonicalises defaults whatever the spelling", () => {
    const text = builtin("text");
    assert.equal(canonicalDefault("NULL", builtin("int")), undefined);
    assert.equal(canonicalDefault("CURRENT_TIMESTAMP", builtin("timestamp")), "current_timestamp()");
    assert.equal(canonicalDefault("now(3)", builtin("datetime", ["3"])), "current_timestamp(3)");
    assert.equal(canonicalDefault("_utf8mb4'it\\'s'", text), "'it''s'");
    assert.equal(canonicalDefault("('x')", text), "'x'");
    assert.equal(canonicalDefault("'7'", builtin("int")), "7");
    assert.equal(canonicalDefault("1", builtin("decimal", ["6", "2"])), "1.00");
    assert.equal(canonicalDefault("-.5", builtin("decimal", ["6", "2"])), "-0.50");
    assert.equal(canonicalDefault("TRUE", builtin("tinyint", ["1"])), "1");
    assert.equal(canonicalDefault("0", builtin("varchar", ["5"])), "'0'");
    assert.equal(canonicalDefault("5", builtin("bit", ["3"])), "b'101'");
    assert.equal(canonicalDefault('"dq"', text), "'dq'");
    assert.equal(canonicalDefault("(1 + 2)", builtin("int")), "(1 + 2)");
    assert.equal(canonicalDefault("rand()", builtin("double")), "rand()");
  });
});

describe("MySQL 8 catalog rows", () => {
  it("reads each catalog query file once per process", async () => {
    const first = queryText("inspect-tables");
    assert.equal(queryText("inspect-tables"), first);
    assert.match(await first, /information_schema/i);
  });

  const head = tableHead({ name: "t", engine: "InnoDB", collation_name: "utf8mb4_0900_ai_ci", create_options: "", comment: "" });
  const row = (over: Record<string, unknown>) => ({
    table_name: "t",
    name: "c",
    column_default: null,
    is_nullable: "YES",
    column_type: "int",
    charset: null,
    collation_name: null,
    extra: "",
    comment: "",
    generation_expression: "",
    ...over,
  });

  it("reads the table's character set from its collation", () => {
    assert.deepEqual(head.attrs, { "mysql.engine": "InnoDB", "mysql.charset": "utf8mb4", "mysql.collation": "utf8mb4_0900_ai_ci" });
  });

  it("reads expression defaults, ON UPDATE, invisible and generated columns", () => {
    const created = columnFromRow(row({ column_type: "timestamp", column_default: "CURRENT_TIMESTAMP", extra: "DEFAULT_GENERATED on update CURRENT_TIMESTAMP" }), head, MYSQL8);
    assert.deepEqual(normalizeColumn(created), {
      name: "c",
      type: builtin("timestamp"),
      nullable: true,
      default: "current_timestamp()",
      attrs: { "mysql.onUpdate": "current_timestamp()" },
    });
    const hidden = columnFromRow(row({ column_default: "5", extra: "INVISIBLE" }), head, MYSQL8);
    assert.deepEqual(normalizeColumn(hidden), { name: "c", type: builtin("int"), nullable: true, default: "5", attrs: { "mysql.invisible": true } });
    const generated = columnFromRow(row({ column_type: "varchar(20)", extra: "VIRTUAL GENERATED", generation_expression: "concat(`a`,_utf8mb4\\' \\',`b`)", collation_name: "utf8mb4_0900_ai_ci", charset: "utf8mb4" }), head, MYSQL8);
    assert.deepEqual(normalizeColumn(generated), { name: "c", type: builtin("varchar", ["20"]), nullable: true, generated: { expression: "concat(`a`,' ',`b`)", stored: false } });
    const text = columnFromRow(row({ column_type: "text", column_default: "_utf8mb4\\'a\\\\\\'b\\'", extra: "DEFAULT_GENERATED", collation_name: "utf8mb4_bin", charset: "utf8mb4" }), head, MYSQL8);
    assert.deepEqual(normalizeColumn(text), { name: "c", type: builtin("text"), nullable: true, default: "'a''b'", collation: "utf8mb4_bin" });
  });

  it("reads MariaDB's defaults as printed and MySQL 8's raw values into the same IR", () => {
    const maria = columnFromRow(row({ column_type: "varchar(10)", column_default: "'it''s'", collation_name: "utf8mb4_0900_ai_ci", charset: "utf8mb4" }), head, MARIADB);
    const mysql = columnFromRow(row({ column_type: "varchar(10)", column_default: "it's", collation_name: "utf8mb4_0900_ai_ci", charset: "utf8mb4" }), head, MYSQL8);
    assert.deepEqual(normalizeColumn(maria), normalizeColumn(mysql));
    assert.equal(normalizeColumn(maria)!.default, "'it''s'");
  });

  it("reads expression and invisible indexes", () => {
    const stat = (over: Record<string, unknown>) => ({ TABLE_NAME: "t", NON_UNIQUE: 1, INDEX_NAME: "ix", SEQ_IN_INDEX: 1, COLUMN_NAME: null, COLLATION: "A", SUB_PART: null, INDEX_TYPE: "BTREE", INDEX_COMMENT: "", IS_VISIBLE: "NO", EXPRESSION: null, ...over });
    const indexes = indexesByTable([stat({ EXPRESSION: "(`a` + 1)", COLLATION: "D" }), stat({ SEQ_IN_INDEX: 2, COLUMN_NAME: "b", EXPRESSION: null })], MYSQL8);
    assert.deepEqual(indexes.get("t")!.indexes, [
      { name: "ix", unique: false, parts: [{ expression: "`a` + 1", descending: true }, { column: "b" }], attrs: { "mysql.invisible": true } },
    ]);
  });

  it("reads checks without MySQL 8's outer parentheses and escaping", () => {
    const checks = checksByTable([{ owner_table: "t", constraint_name: "t_chk_1", check_clause: "(`s` <> _utf8mb4\\'\\')" }], MYSQL8);
    assert.deepEqual(checks.get("t"), [{ check: { name: "t_chk_1", expression: "`s` <> _utf8mb4''" }, columnLevel: false }]);
  });

  it("reads NO ACTION and keys to other databases", () => {
    const keys = foreignKeysByTable(
      [{ table_name: "t", name: "fk", column_name: "a", referenced_schema: "other", referenced_table: "p", referenced_column: "id" }],
      [{ table_name: "t", name: "fk", update_rule: "NO ACTION", delete_rule: "RESTRICT" }],
      MYSQL8,
    );
    assert.deepEqual(keys.get("t"), [{ name: "fk", columns: ["a"], references: { schema: "other", name: "p" }, referencedColumns: ["id"], onDelete: "restrict", onUpdate: "no action" }]);
  });

  it("reads views without ALGORITHM (MySQL 8 has no such column) and qualified column references", () => {
    const view = viewFromRow(
      { TABLE_NAME: "v", VIEW_DEFINITION: "select `app`.`t`.`a` AS `a`,'`app`.' AS `s` from `app`.`t`", CHECK_OPTION: "NONE", SECURITY_TYPE: "DEFINER" },
      MYSQL8,
      new Set(["t"]),
    );
    assert.deepEqual(view, { schema: "", name: "v", definition: "select `t`.`a` AS `a`,'`app`.' AS `s` from `t`", materialized: false, dependsOn: [{ schema: "", name: "t" }] });
  });

  it("rebuilds routines from MySQL 8's types, which have no display widths", () => {
    const [fn] = routinesFromRows(
      [{ name: "f", routine_type: "FUNCTION", returns_type: "int", body: "RETURN x", is_deterministic: "NO", sql_data_access: "READS SQL DATA", security_type: "DEFINER", comment: "" }],
      [{ routine_name: "f", routine_type: "FUNCTION", parameter_mode: "IN", parameter_name: "x", type: "bigint unsigned" }],
      MYSQL8,
    );
    assert.deepEqual(fn, { schema: "", name: "f", kind: "function", signature: "bigint unsigned", definition: "CREATE FUNCTION `f`(`x` bigint unsigned) RETURNS int READS SQL DATA RETURN x" });
  });
});

function normalizeColumn(column: Table["columns"][number]) {
  const table: Table = { schema: "", name: "t", columns: [column], uniques: [], foreignKeys: [], checks: [], indexes: [], attrs: { "mysql.collation": "utf8mb4_0900_ai_ci" } };
  return normalize({ ...emptySchema("mysql"), tables: [table] }).tables[0]!.columns[0];
}

describe("MySQL normalizer", () => {
  const handBuilt: Table = {
    schema: "",
    name: "c",
    columns: [
      { name: "id", type: { kind: "raw", sql: "INTEGER" }, nullable: true },
      { name: "pid", type: builtin("int"), nullable: true, default: "NULL" },
      { name: "code", type: builtin("varchar", ["5"]), nullable: true, collation: "utf8mb4_general_ci", attrs: { "mysql.charset": "utf8mb4" } },
    ],
    primaryKey: { name: "pk_c", columns: ["id"] },
    uniques: [{ name: "uq_code", columns: ["code"] }],
    foreignKeys: [{ name: "fk_p", columns: ["pid"], references: { schema: "", name: "p" }, referencedColumns: ["id"], onDelete: "restrict", onUpdate: "no action" }],
    checks: [{ name: "ck", expression: "(`id` > _utf8mb4'0')" }],
    indexes: [],
    attrs: { "mysql.engine": "innodb", "mysql.collation": "utf8mb4_general_ci" },
  };

  it("rewrites a hand-built table into what the server would report", () => {
    const [table] = normalize({ ...emptySchema("mysql"), namespaces: [{ name: "" }], tables: [handBuilt] }).tables;
    assert.deepEqual(table, {
      schema: "",
      name: "c",
      columns: [
        { name: "id", type: builtin("int"), nullable: false },
        { name: "pid", type: builtin("int"), nullable: true },
        { name: "code", type: builtin("varchar", ["5"]), nullable: true },
      ],
      primaryKey: { columns: ["id"] },
      uniques: [],
      foreignKeys: [{ name: "fk_p", columns: ["pid"], references: { schema: "", name: "p" }, referencedColumns: ["id"], onDelete: "no action", onUpdate: "no action" }],
      checks: [{ name: "ck", expression: "`id` > '0'" }],
      indexes: [
        { name: "fk_p", unique: false, parts: [{ column: "pid" }] },
        { name: "uq_code", unique: true, parts: [{ column: "code" }] },
      ],
      attrs: { "mysql.charset": "utf8mb4", "mysql.collation": "utf8mb4_general_ci", "mysql.engine": "InnoDB" },
    });
  });

  it("is idempotent", () => {
    const once = normalize({ ...emptySchema("mysql"), tables: [handBuilt] });
    assert.deepEqual(normalize(once), once);
  });

  it("adds no index for a foreign key that an index or the primary key already starts with", () => {
    const covered: Table = { ...handBuilt, indexes: [{ name: "ix", unique: false, parts: [{ column: "pid" }, { column: "code" }] }] };
    const [table] = normalize({ ...emptySchema("mysql"), tables: [covered] }).tables;
    assert.deepEqual(table!.indexes.map((i) => i.name), ["ix", "uq_code"]);
  });
});

describe("MySQL SQL text helpers", () => {
  it("strips the database qualifier outside literals only, and finds what a view reads", () => {
    assert.equal(stripQualifier("select `db`.`t`.`a` from `db`.`t` where x = '`db`.`t`'", "db"), "select `t`.`a` from `t` where x = '`db`.`t`'");
    assert.deepEqual(qualifiedReferences("select `db`.`t`.`a` from `db`.`t` join `db`.`u`", "db"), ["t", "u"]);
  });

  it("strips only parentheses that wrap the whole expression", () => {
    assert.equal(stripOuterParens("((a > 0))"), "a > 0");
    assert.equal(stripOuterParens("(a) or (b)"), "(a) or (b)");
    assert.equal(stripOuterParens("(a = ')')"), "a = ')'");
  });

  it("compares expressions and definitions ignoring whitespace, case of keywords and outer parentheses", () => {
    assert.ok(mysqlDiffHooks.sameExpression!("(`a` > 0)", "`a`>0"));
    assert.ok(mysqlDiffHooks.sameExpression!("A IN (1, 2)", "a in (1,2)"));
    assert.ok(!mysqlDiffHooks.sameExpression!("'A'", "'a'"));
    assert.ok(mysqlDiffHooks.sameDefinition!("select  a,\n b from t", "select a, b from t"));
    assert.ok(!mysqlDiffHooks.sameDefinition!("select 'a  b'", "select 'a b'"));
  });
});
