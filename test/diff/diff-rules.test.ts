import assert from "node:assert/strict";
import { test } from "node:test";
import { diff } from "../../src/diff/differ.js";
import { explicitRenames, noRenames } from "../../src/diff/rename-strategy.js";
import { ShaleError } from "../../src/errors.js";
import type { Schema } from "../../src/schema/types.js";
import { check, col, entity, fk, id, idx, qn, richSchema, schema, table } from "../support/ir.js";

const reversed = (s: Schema): Schema => ({
  ...s,
  namespaces: [...s.namespaces].reverse(),
  tables: [...s.tables].reverse().map((t) => ({ ...t, indexes: [...t.indexes].reverse(), checks: [...t.checks].reverse() })),
  views: [...s.views].reverse(),
});

test("diff(x, x) is empty on a schema with every kind of object", () => {
  const rich = richSchema();
  assert.deepEqual(diff(rich, rich), []);
  assert.deepEqual(diff(rich, structuredClone(rich)), []);
  assert.deepEqual(diff(rich, reversed(rich)), [], "list order does not matter");
});

test("every change of the rich schema against an empty one is a create, and back a drop", () => {
  const rich = richSchema();
  const creates = diff(schema(), rich).map((c) => c.kind);
  assert.ok(creates.every((k) => k.startsWith("create-")), creates.join());
  assert.equal(creates.length, 2 + 1 + 1 + 1 + 1 + 2 + 2 + 1 + 1);
  assert.ok(diff(rich, schema()).every((c) => c.kind.startsWith("drop-")));
});

test("output is sorted by name whatever the input order", () => {
  const a = entity("a");
  const b = entity("b");
  const c = entity("c");
  assert.deepEqual(
    diff(schema(), schema({ tables: [c, a, b] })).map((x) => (x.kind === "create-table" ? x.table.name : "")),
    ["a", "b", "c"],
  );
});

test("undefined optional keys equal omitted ones", () => {
  const t = table("t", [col("a")]);
  const u = table("t", [{ ...col("a"), default: undefined, comment: undefined }], { comment: undefined });
  assert.deepEqual(diff(schema({ tables: [t] }), schema({ tables: [u] })), []);
});

test("hooks decide type and expression equality", () => {
  const a = schema({ tables: [table("t", [col("a", "int4", { default: "(0)" })], { checks: [check("(a > 0)", "c")] })] });
  const b = schema({ tables: [table("t", [col("a", "integer", { default: "0" })], { checks: [check("a > 0", "c")] })] });
  assert.deepEqual(
    diff(a, b).map((c) => c.kind),
    ["alter-column", "drop-check", "add-check"],
  );
  const hooks = {
    sameType: (x: unknown, y: unknown) => JSON.stringify(x).replace("int4", "integer") === JSON.stringify(y).replace("int4", "integer"),
    sameExpression: (x: string, y: string) => x.replace(/[()]/g, "") === y.replace(/[()]/g, ""),
  };
  assert.deepEqual(diff(a, b, { hooks }), []);
});

test("unnamed checks (SQLite) match by expression", () => {
  const a = schema({ tables: [table("t", [col("a")], { checks: [check("a > 0"), check("a < 9")] })] }, "sqlite");
  const b = schema({ tables: [table("t", [col("a")], { checks: [check("a < 9"), check("a > 0")] })] }, "sqlite");
  assert.deepEqual(diff(a, b), []);
  const c = schema({ tables: [table("t", [col("a")], { checks: [check("a < 9"), check("a > 1")] })] }, "sqlite");
  assert.deepEqual(diff(a, c), [
    { kind: "drop-check", table: qn("t"), check: check("a > 0") },
    { kind: "add-check", table: qn("t"), check: check("a > 1") },
  ]);
});

test("renames are never guessed: without a strategy a rename is a drop and an add", () => {
  const a = schema({ tables: [table("t", [id(), col("old", "text")])] });
  const b = schema({ tables: [table("u", [id(), col("old", "text")])] });
  assert.deepEqual(
    diff(a, b).map((c) => c.kind),
    ["drop-table", "create-table"],
  );
  assert.deepEqual(
    diff(a, b, { renames: noRenames }).map((c) => c.kind),
    ["drop-table", "create-table"],
  );
  const c = schema({ tables: [table("t", [id(), col("new", "text")])] });
  assert.deepEqual(
    diff(a, c).map((x) => x.kind),
    ["drop-column", "add-column"],
  );
});

test("explicit renames follow through keys, indexes and foreign keys of other tables", () => {
  const parent = entity("p", [col("code", "text")], { uniques: [{ name: "p_code_key", columns: ["code"] }], indexes: [idx("p_code_idx", ["code"])] });
  const child = entity("c", [col("p_code", "text")], { foreignKeys: [fk("c_p", ["p_code"], "p", ["code"])] });
  const renamedParent = {
    ...entity("parent", [col("key", "text")], { uniques: [{ name: "p_code_key", columns: ["key"] }], indexes: [idx("parent_key_idx", ["key"])] }),
    primaryKey: { name: "p_pkey", columns: ["id"] },
  };
  const renamedChild = { ...child, foreignKeys: [fk("c_p", ["p_code"], "parent", ["key"])] };
  const renames = explicitRenames({
    tables: [{ from: qn("p"), to: qn("parent") }],
    columns: [{ table: qn("parent"), from: "code", to: "key" }],
    indexes: [{ table: qn("parent"), from: "p_code_idx", to: "parent_key_idx" }],
  });
  assert.deepEqual(diff(schema({ tables: [parent, child] }), schema({ tables: [renamedParent, renamedChild] }), { renames }), [
    { kind: "rename-table", from: qn("p"), to: qn("parent") },
    { kind: "rename-column", table: qn("parent"), from: "code", to: "key" },
    { kind: "rename-index", table: qn("parent"), from: "p_code_idx", to: "parent_key_idx" },
  ]);
});

test("drops of a renamed table's parts name the table as it was (they run before the rename)", () => {
  const a = schema({ tables: [entity("t", [col("a")], { indexes: [idx("i", ["a"])] })] });
  const b = schema({ tables: [{ ...entity("u", [col("a")]), primaryKey: { name: "t_pkey", columns: ["id"] } }] });
  const changes = diff(a, b, { renames: explicitRenames({ tables: [{ from: qn("t"), to: qn("u") }] }) });
  assert.deepEqual(changes, [
    { kind: "rename-table", from: qn("t"), to: qn("u") },
    { kind: "drop-index", table: qn("t"), index: idx("i", ["a"]) },
  ]);
});

test("a rename strategy answering outside the offer is an error", () => {
  const a = schema({ tables: [table("t", [col("a")])] });
  const b = schema({ tables: [table("u", [col("a")])] });
  const bad = { renames: () => [{ from: "public.x", to: "public.u" }] };
  assert.throws(
    () => diff(a, b, { renames: bad }),
    (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_USAGE" && Boolean(err.hint),
  );
  const twice = { renames: () => [{ from: "public.t", to: "public.u" }, { from: "public.t", to: "public.u" }] };
  assert.throws(() => diff(a, b, { renames: twice }), ShaleError);
});

test("tables are offered to the strategy as schema.name, or name when the schema is empty", () => {
  const seen: string[][] = [];
  const spy = {
    renames: (kind: string, _scope: unknown, dropped: readonly string[], added: readonly string[]) => {
      seen.push([kind, ...dropped, "→", ...added]);
      return [];
    },
  };
  diff(schema({ tables: [table("t", [col("a")])] }), schema({ tables: [table("u", [col("a")])] }), { renames: spy });
  const my = (name: string) => ({ ...table("x", [col("a")]), schema: "", name });
  diff(schema({ tables: [my("t")] }, "mysql"), schema({ tables: [my("u")] }, "mysql"), { renames: spy });
  assert.deepEqual(seen, [
    ["table", "public.t", "→", "public.u"],
    ["table", "t", "→", "u"],
  ]);
});

test("an index rename whose definition also changed becomes a drop and a create", () => {
  const a = schema({ tables: [table("t", [col("a")], { indexes: [idx("i", ["a"])] })] });
  const b = schema({ tables: [table("t", [col("a")], { indexes: [idx("j", ["a"], { unique: true })] })] });
  const changes = diff(a, b, { renames: explicitRenames({ indexes: [{ table: qn("t"), from: "i", to: "j" }] }) });
  assert.deepEqual(
    changes.map((c) => c.kind),
    ["drop-index", "create-index"],
  );
});

test("the filter keeps chosen namespaces and leaves out excluded tables with their parts", () => {
  const rich = richSchema();
  const other = schema({ ...rich, tables: [...rich.tables, entity("other.t")], namespaces: [...rich.namespaces, { name: "other" }] });
  assert.deepEqual(diff(rich, other, { filter: { namespaces: ["app", "public"] } }), []);
  const history = entity("public.shale_history", [col("version", "text")], { indexes: [idx("h_i", ["version"])] });
  const withHistory = schema({
    ...rich,
    tables: [...rich.tables, history],
    sequences: [...rich.sequences, { ...rich.sequences[0]!, name: "shale_history_id_seq", schema: "public", ownedBy: { table: qn("shale_history"), column: "id" } }],
    triggers: [...rich.triggers, { ...rich.triggers[0]!, name: "h", table: qn("shale_history") }],
  });
  const excludeTables = (n: { name: string }) => n.name.startsWith("shale_");
  assert.deepEqual(diff(rich, withHistory, { filter: { excludeTables } }), []);
  assert.deepEqual(diff(withHistory, rich, { filter: { excludeTables } }), []);
  assert.equal(diff(rich, withHistory).length, 3);
});
