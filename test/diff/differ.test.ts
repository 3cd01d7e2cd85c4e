import assert from "node:assert/strict";
import { test } from "node:test";
import { CHANGE_KINDS, type Change, type ChangeKind } from "../../src/diff/changes.js";
import { diff } from "../../src/diff/differ.js";
import type { DiffOptions } from "../../src/diff/options.js";
import { explicitRenames } from "../../src/diff/rename-strategy.js";
import type { Schema, Table } from "../../src/schema/types.js";
import { check, col, entity, enumType, fk, id, idx, qn, routine, schema, sequence, table, trigger, view } from "../support/ir.js";

const T = qn("t");
const tables = (...ts: Table[]): Schema => schema({ tables: ts });
const base = entity("t", [col("a", "text")]);

interface Case {
  readonly name: string;
  readonly from: Schema;
  readonly to: Schema;
  readonly expected: Change[];
  readonly options?: DiffOptions;
}

const seqA = sequence("s");
const dom = { ...qn("d"), type: { kind: "builtin", name: "integer" }, nullable: true, checks: [] } as const;
const mv = view("m", "SELECT 1", { materialized: true, indexes: [idx("m_i", ["x"])] });
const fn = routine("f", "RETURNS int AS 'select 1'");
const trg = trigger("tg", "t", "CREATE TRIGGER tg BEFORE INSERT ON t EXECUTE FUNCTION f()");

const cases: Case[] = [
  { name: "create-namespace", from: schema(), to: schema({ namespaces: [{ name: "app" }] }), expected: [{ kind: "create-namespace", namespace: { name: "app" } }] },
  { name: "drop-namespace", from: schema({ namespaces: [{ name: "app" }] }), to: schema(), expected: [{ kind: "drop-namespace", namespace: { name: "app" } }] },
  {
    name: "alter-namespace",
    from: schema({ namespaces: [{ name: "app" }] }),
    to: schema({ namespaces: [{ name: "app", comment: "c" }] }),
    expected: [{ kind: "alter-namespace", from: { name: "app" }, to: { name: "app", comment: "c" } }],
  },
  { name: "create-extension", from: schema(), to: schema({ extensions: [{ name: "citext" }] }), expected: [{ kind: "create-extension", extension: { name: "citext" } }] },
  { name: "drop-extension", from: schema({ extensions: [{ name: "citext" }] }), to: schema(), expected: [{ kind: "drop-extension", extension: { name: "citext" } }] },
  {
    name: "alter-extension",
    from: schema({ extensions: [{ name: "citext", version: "1.5" }] }),
    to: schema({ extensions: [{ name: "citext", version: "1.6" }] }),
    expected: [{ kind: "alter-extension", from: { name: "citext", version: "1.5" }, to: { name: "citext", version: "1.6" } }],
  },
  { name: "create-enum", from: schema(), to: schema({ enums: [enumType("e", ["a"])] }), expected: [{ kind: "create-enum", enum: enumType("e", ["a"]) }] },
  { name: "drop-enum", from: schema({ enums: [enumType("e", ["a"])] }), to: schema(), expected: [{ kind: "drop-enum", enum: enumType("e", ["a"]) }] },
  {
    name: "add-enum-values keeps the old values' order",
    from: schema({ enums: [enumType("e", ["a", "c"])] }),
    to: schema({ enums: [enumType("e", ["z", "a", "b", "c", "d"])] }),
    expected: [{ kind: "add-enum-values", from: enumType("e", ["a", "c"]), to: enumType("e", ["z", "a", "b", "c", "d"]) }],
  },
  {
    name: "rebuild-enum on reorder",
    from: schema({ enums: [enumType("e", ["a", "b"])] }),
    to: schema({ enums: [enumType("e", ["b", "a"])] }),
    expected: [{ kind: "rebuild-enum", from: enumType("e", ["a", "b"]), to: enumType("e", ["b", "a"]) }],
  },
  {
    name: "rebuild-enum on removal",
    from: schema({ enums: [enumType("e", ["a", "b"])] }),
    to: schema({ enums: [enumType("e", ["a", "c"])] }),
    expected: [{ kind: "rebuild-enum", from: enumType("e", ["a", "b"]), to: enumType("e", ["a", "c"]) }],
  },
  {
    name: "alter-enum-comment",
    from: schema({ enums: [enumType("e", ["a"])] }),
    to: schema({ enums: [enumType("e", ["a"], { comment: "x" })] }),
    expected: [{ kind: "alter-enum-comment", from: enumType("e", ["a"]), to: enumType("e", ["a"], { comment: "x" }) }],
  },
  { name: "create-domain", from: schema(), to: schema({ domains: [dom] }), expected: [{ kind: "create-domain", domain: dom }] },
  { name: "drop-domain", from: schema({ domains: [dom] }), to: schema(), expected: [{ kind: "drop-domain", domain: dom }] },
  {
    name: "alter-domain",
    from: schema({ domains: [dom] }),
    to: schema({ domains: [{ ...dom, nullable: false, checks: [check("VALUE > 0", "pos")] }] }),
    expected: [{ kind: "alter-domain", from: dom, to: { ...dom, nullable: false, checks: [check("VALUE > 0", "pos")] } }],
  },
  { name: "create-sequence", from: schema(), to: schema({ sequences: [seqA] }), expected: [{ kind: "create-sequence", sequence: seqA }] },
  { name: "drop-sequence", from: schema({ sequences: [seqA] }), to: schema(), expected: [{ kind: "drop-sequence", sequence: seqA }] },
  {
    name: "alter-sequence",
    from: schema({ sequences: [seqA] }),
    to: schema({ sequences: [{ ...seqA, increment: "5" }] }),
    expected: [{ kind: "alter-sequence", from: seqA, to: { ...seqA, increment: "5" } }],
  },
  { name: "create-table", from: schema(), to: tables(base), expected: [{ kind: "create-table", table: base }] },
  { name: "drop-table", from: tables(base), to: schema(), expected: [{ kind: "drop-table", table: base }] },
  {
    name: "rename-table, then the rest of its changes",
    from: tables(base),
    to: tables({ ...base, name: "u", comment: "users" }),
    options: { renames: explicitRenames({ tables: [{ from: qn("t"), to: qn("u") }] }) },
    expected: [
      { kind: "rename-table", from: T, to: qn("u") },
      { kind: "alter-table", from: { ...base, name: "u" }, to: { ...base, name: "u", comment: "users" }, what: ["comment"] },
    ],
  },
  {
    name: "alter-table",
    from: tables(base),
    to: tables({ ...base, attrs: { "mysql.engine": "InnoDB" } }),
    expected: [{ kind: "alter-table", from: base, to: { ...base, attrs: { "mysql.engine": "InnoDB" } }, what: ["attrs"] }],
  },
  { name: "add-column", from: tables(base), to: tables({ ...base, columns: [...base.columns, col("b")] }), expected: [{ kind: "add-column", table: T, column: col("b") }] },
  { name: "drop-column", from: tables(base), to: tables({ ...base, columns: [id()] }), expected: [{ kind: "drop-column", table: T, column: col("a", "text") }] },
  {
    name: "rename-column, then its alteration",
    from: tables(base),
    to: tables({ ...base, columns: [id(), col("b", "text", { nullable: false })] }),
    options: { renames: explicitRenames({ columns: [{ table: T, from: "a", to: "b" }] }) },
    expected: [
      { kind: "rename-column", table: T, from: "a", to: "b" },
      { kind: "alter-column", table: T, from: col("b", "text"), to: col("b", "text", { nullable: false }), what: ["nullable"] },
    ],
  },
  {
    name: "alter-column lists every aspect",
    from: tables(base),
    to: tables({ ...base, columns: [id(), col("a", "varchar(10)", { default: "'x'", collation: "C", comment: "c", attrs: { "mysql.invisible": true } })] }),
    expected: [
      {
        kind: "alter-column",
        table: T,
        from: col("a", "text"),
        to: col("a", "varchar(10)", { default: "'x'", collation: "C", comment: "c", attrs: { "mysql.invisible": true } }),
        what: ["type", "default", "collation", "comment", "attrs"],
      },
    ],
  },
  {
    name: "alter-column identity and generated",
    from: tables(table("t", [col("a"), col("g")])),
    to: tables(table("t", [col("a", "integer", { identity: { kind: "always" } }), col("g", "integer", { generated: { expression: "a + 1", stored: true } })])),
    expected: [
      { kind: "alter-column", table: T, from: col("a"), to: col("a", "integer", { identity: { kind: "always" } }), what: ["identity"] },
      { kind: "alter-column", table: T, from: col("g"), to: col("g", "integer", { generated: { expression: "a + 1", stored: true } }), what: ["generated"] },
    ],
  },
  {
    name: "add-primary-key",
    from: tables(table("t", [id()])),
    to: tables(table("t", [id()], { primaryKey: { columns: ["id"] } })),
    expected: [{ kind: "add-primary-key", table: T, primaryKey: { columns: ["id"] } }],
  },
  {
    name: "drop-primary-key",
    from: tables(table("t", [id()], { primaryKey: { columns: ["id"] } })),
    to: tables(table("t", [id()])),
    expected: [{ kind: "drop-primary-key", table: T, primaryKey: { columns: ["id"] } }],
  },
  {
    name: "add-unique",
    from: tables(base),
    to: tables({ ...base, uniques: [{ name: "t_a_key", columns: ["a"] }] }),
    expected: [{ kind: "add-unique", table: T, unique: { name: "t_a_key", columns: ["a"] } }],
  },
  {
    name: "a changed unique is dropped and added",
    from: tables({ ...base, uniques: [{ name: "u", columns: ["a"] }] }),
    to: tables({ ...base, uniques: [{ name: "u", columns: ["a", "id"] }] }),
    expected: [
      { kind: "drop-unique", table: T, unique: { name: "u", columns: ["a"] } },
      { kind: "add-unique", table: T, unique: { name: "u", columns: ["a", "id"] } },
    ],
  },
  {
    name: "add-foreign-key",
    from: tables(base, entity("p")),
    to: tables({ ...base, foreignKeys: [fk("t_p", ["id"], "p")] }, entity("p")),
    expected: [{ kind: "add-foreign-key", table: T, foreignKey: fk("t_p", ["id"], "p") }],
  },
  {
    name: "a changed foreign key is dropped and added",
    from: tables({ ...base, foreignKeys: [fk("t_p", ["id"], "p")] }, entity("p")),
    to: tables({ ...base, foreignKeys: [fk("t_p", ["id"], "p", ["id"], { onDelete: "cascade" })] }, entity("p")),
    expected: [
      { kind: "drop-foreign-key", table: T, foreignKey: fk("t_p", ["id"], "p") },
      { kind: "add-foreign-key", table: T, foreignKey: fk("t_p", ["id"], "p", ["id"], { onDelete: "cascade" }) },
    ],
  },
  {
    name: "add-check and drop-check",
    from: tables({ ...base, checks: [check("a <> ''", "c1")] }),
    to: tables({ ...base, checks: [check("length(a) > 1", "c1")] }),
    expected: [
      { kind: "drop-check", table: T, check: check("a <> ''", "c1") },
      { kind: "add-check", table: T, check: check("length(a) > 1", "c1") },
    ],
  },
  {
    name: "alter-constraint-comment when only the comment of a key, unique, check or foreign key changes",
    from: tables(
      { ...base, uniques: [{ name: "u", columns: ["a"], comment: "old" }], checks: [{ ...check("a <> ''", "c1"), comment: "gone" }, check("id > 0", "c2")] },
      entity("p", [], { primaryKey: { name: "p_pkey", columns: ["id"] } }),
      { ...entity("q"), foreignKeys: [fk("q_p", ["id"], "p", ["id"], { comment: "same" })] },
    ),
    to: tables(
      { ...base, uniques: [{ name: "u", columns: ["a"], comment: "new" }], checks: [check("a <> ''", "c1"), { ...check("id > 0", "c2"), comment: "added" }] },
      entity("p", [], { primaryKey: { name: "p_pkey", columns: ["id"], comment: "pk" } }),
      { ...entity("q"), foreignKeys: [fk("q_p", ["id"], "p", ["id"], { comment: "changed" })] },
    ),
    expected: [
      { kind: "alter-constraint-comment", table: qn("p"), constraint: { kind: "primary-key", name: "p_pkey" }, to: "pk" },
      { kind: "alter-constraint-comment", table: qn("q"), constraint: { kind: "foreign-key", name: "q_p" }, from: "same", to: "changed" },
      { kind: "alter-constraint-comment", table: T, constraint: { kind: "unique", name: "u" }, from: "old", to: "new" },
      { kind: "alter-constraint-comment", table: T, constraint: { kind: "check", name: "c1" }, from: "gone" },
      { kind: "alter-constraint-comment", table: T, constraint: { kind: "check", name: "c2" }, to: "added" },
    ],
  },
  {
    name: "a constraint that changes and gets a comment is dropped and added with it, without a comment change",
    from: tables({ ...base, checks: [check("a <> ''", "c1")] }),
    to: tables({ ...base, checks: [{ ...check("length(a) > 1", "c1"), comment: "c" }] }),
    expected: [
      { kind: "drop-check", table: T, check: check("a <> ''", "c1") },
      { kind: "add-check", table: T, check: { ...check("length(a) > 1", "c1"), comment: "c" } },
    ],
  },
  {
    name: "alter-constraint-comment on an unnamed check, paired by its expression",
    from: tables({ ...base, checks: [check("a <> ''")] }),
    to: tables({ ...base, checks: [{ ...check("a <> ''"), comment: "c" }] }),
    expected: [{ kind: "alter-constraint-comment", table: T, constraint: { kind: "check" }, to: "c" }],
  },
  {
    name: "create-index and drop-index",
    from: tables({ ...base, indexes: [idx("i1", ["a"])] }),
    to: tables({ ...base, indexes: [idx("i2", ["id"])] }),
    expected: [
      { kind: "drop-index", table: T, index: idx("i1", ["a"]) },
      { kind: "create-index", table: T, index: idx("i2", ["id"]) },
    ],
  },
  {
    name: "a changed index is dropped and created",
    from: tables({ ...base, indexes: [idx("i", ["a"])] }),
    to: tables({ ...base, indexes: [idx("i", ["a"], { where: "a IS NOT NULL" })] }),
    expected: [
      { kind: "drop-index", table: T, index: idx("i", ["a"]) },
      { kind: "create-index", table: T, index: idx("i", ["a"], { where: "a IS NOT NULL" }) },
    ],
  },
  {
    name: "rename-index",
    from: tables({ ...base, indexes: [idx("i", ["a"])] }),
    to: tables({ ...base, indexes: [idx("j", ["a"])] }),
    options: { renames: explicitRenames({ indexes: [{ table: T, from: "i", to: "j" }] }) },
    expected: [{ kind: "rename-index", table: T, from: "i", to: "j" }],
  },
  {
    name: "alter-index when only comment or attrs change",
    from: tables({ ...base, indexes: [idx("i", ["a"])] }),
    to: tables({ ...base, indexes: [idx("i", ["a"], { comment: "c" })] }),
    expected: [{ kind: "alter-index", table: T, from: idx("i", ["a"]), to: idx("i", ["a"], { comment: "c" }) }],
  },
  { name: "create-view", from: schema(), to: schema({ views: [view("v", "SELECT 1")] }), expected: [{ kind: "create-view", view: view("v", "SELECT 1") }] },
  { name: "drop-view", from: schema({ views: [view("v", "SELECT 1")] }), to: schema(), expected: [{ kind: "drop-view", view: view("v", "SELECT 1") }] },
  {
    name: "replace-view",
    from: schema({ views: [view("v", "SELECT 1")] }),
    to: schema({ views: [view("v", "SELECT 2")] }),
    expected: [{ kind: "replace-view", from: view("v", "SELECT 1"), to: view("v", "SELECT 2") }],
  },
  {
    name: "a changed materialized view is dropped and created",
    from: schema({ views: [mv] }),
    to: schema({ views: [{ ...mv, definition: "SELECT 2" }] }),
    expected: [
      { kind: "drop-view", view: mv },
      { kind: "create-view", view: { ...mv, definition: "SELECT 2" } },
    ],
  },
  {
    name: "alter-view-comment",
    from: schema({ views: [view("v", "SELECT 1")] }),
    to: schema({ views: [view("v", "SELECT 1", { comment: "c" })] }),
    expected: [{ kind: "alter-view-comment", from: view("v", "SELECT 1"), to: view("v", "SELECT 1", { comment: "c" }) }],
  },
  { name: "create-routine", from: schema(), to: schema({ routines: [fn] }), expected: [{ kind: "create-routine", routine: fn }] },
  { name: "drop-routine", from: schema({ routines: [fn] }), to: schema(), expected: [{ kind: "drop-routine", routine: fn }] },
  {
    name: "replace-routine",
    from: schema({ routines: [fn] }),
    to: schema({ routines: [{ ...fn, definition: "CREATE FUNCTION f() RETURNS int AS 'select 2'" }] }),
    expected: [{ kind: "replace-routine", from: fn, to: { ...fn, definition: "CREATE FUNCTION f() RETURNS int AS 'select 2'" } }],
  },
  {
    name: "create-trigger and drop-trigger: a changed trigger is dropped and created",
    from: schema({ tables: [base], triggers: [trg] }),
    to: schema({ tables: [base], triggers: [{ ...trg, definition: "CREATE TRIGGER tg AFTER INSERT ON t EXECUTE FUNCTION f()" }] }),
    expected: [
      { kind: "drop-trigger", trigger: trg },
      { kind: "create-trigger", trigger: { ...trg, definition: "CREATE TRIGGER tg AFTER INSERT ON t EXECUTE FUNCTION f()" } },
    ],
  },
  {
    name: "alter-trigger-comment when only the trigger's comment changes",
    from: schema({ tables: [base], triggers: [trg] }),
    to: schema({ tables: [base], triggers: [{ ...trg, comment: "c" }] }),
    expected: [{ kind: "alter-trigger-comment", from: trg, to: { ...trg, comment: "c" } }],
  },
  {
    name: "a trigger that changes and gets a comment is dropped and created with it",
    from: schema({ tables: [base], triggers: [trg] }),
    to: schema({ tables: [base], triggers: [{ ...trg, definition: "CREATE TRIGGER tg AFTER INSERT ON t EXECUTE FUNCTION f()", comment: "c" }] }),
    expected: [
      { kind: "drop-trigger", trigger: trg },
      { kind: "create-trigger", trigger: { ...trg, definition: "CREATE TRIGGER tg AFTER INSERT ON t EXECUTE FUNCTION f()", comment: "c" } },
    ],
  },
];

for (const c of cases) {
  test(`diff emits ${c.name}`, () => {
    assert.deepEqual(diff(c.from, c.to, c.options), c.expected);
  });
}

test("the cases above cover every change kind", () => {
  const seen = new Set<ChangeKind>(cases.flatMap((c) => c.expected.map((change) => change.kind)));
  assert.deepEqual(
    CHANGE_KINDS.filter((k) => !seen.has(k)),
    [],
  );
});
