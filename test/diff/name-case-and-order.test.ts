import assert from "node:assert/strict";
import { test } from "node:test";
import type { Change } from "../../src/diff/changes.js";
import { movedNames } from "../../src/diff/column-order.js";
import { diff } from "../../src/diff/differ.js";
import type { DiffHooks, DiffOptions } from "../../src/diff/options.js";
import { explicitRenames } from "../../src/diff/rename-strategy.js";
import type { Column, Schema, Table } from "../../src/schema/types.js";
import { check, col, fk, idx, qn, schema, table } from "../support/ir.js";

const T = qn("t");
const folding: DiffHooks = { nameKey: (_kind, name) => name.toLowerCase() };
const ordered: DiffHooks = { columnOrder: true };
const tables = (...ts: Table[]): Schema => schema({ tables: ts });
const cols = (...names: string[]): Column[] => names.map((n) => col(n));
const kinds = (changes: readonly Change[]): string[] => changes.map((c) => c.kind);
const run = (from: Table[], to: Table[], hooks: DiffHooks, options: Omit<DiffOptions, "hooks"> = {}): Change[] =>
  diff(tables(...from), tables(...to), { ...options, hooks });

test("without nameKey a column respelled in case is dropped and added", () => {
  assert.deepEqual(kinds(run([table("t", cols("id", "Name"))], [table("t", cols("id", "name"))], {})), ["drop-column", "add-column"]);
});

test("nameKey: a column respelled in case is renamed, and altered for what else changed", () => {
  const from = table("t", [col("id"), col("Name", "text"), col("x")]);
  const to = table("t", [col("id"), col("name", "varchar(10)"), col("x")]);
  assert.deepEqual(run([from], [to], folding), [
    { kind: "rename-column", table: T, from: "Name", to: "name" },
    { kind: "alter-column", table: T, from: col("name", "text"), to: col("name", "varchar(10)"), what: ["type"] },
  ]);
  assert.deepEqual(run([to], [to], folding), []);
});

test("nameKey: keys, indexes and foreign keys over a respelled column follow the rename", () => {
  const parent = (c: string) => table("p", [col(c)], { primaryKey: { name: "p_pkey", columns: [c] } });
  const child = (c: string, ref: string) => table("t", [col(c)], { indexes: [idx("t_i", [c])], foreignKeys: [fk("t_fk", [c], "p", [ref])] });
  const changes = run([parent("ID"), child("PID", "ID")], [parent("id"), child("pid", "id")], folding);
  assert.deepEqual(changes, [
    { kind: "rename-column", table: qn("p"), from: "ID", to: "id" },
    { kind: "rename-column", table: T, from: "PID", to: "pid" },
  ]);
});

test("nameKey: an unchanged index respelled in case is renamed; a changed one is dropped and created", () => {
  const from = table("t", cols("a", "b"), { indexes: [idx("IX_A", ["a"]), idx("Ix_B", ["b"])] });
  const to = table("t", cols("a", "b"), { indexes: [idx("ix_a", ["a"], { comment: "c" }), idx("ix_b", ["b", "a"])] });
  assert.deepEqual(run([from], [to], folding), [
    { kind: "rename-index", table: T, from: "IX_A", to: "ix_a" },
    { kind: "drop-index", table: T, index: idx("Ix_B", ["b"]) },
    { kind: "create-index", table: T, index: idx("ix_b", ["b", "a"]) },
    { kind: "alter-index", table: T, from: idx("ix_a", ["a"]), to: idx("ix_a", ["a"], { comment: "c" }) },
  ]);
});

test("nameKey: checks, uniques, foreign keys and primary keys respelled in case are no change", () => {
  const make = (c: string, u: string, f: string, p: string) =>
    table("t", cols("a"), {
      primaryKey: { name: p, columns: ["a"] },
      checks: [check("a > 0", c)],
      uniques: [{ name: u, columns: ["a"] }],
      foreignKeys: [fk(f, ["a"], "t", ["a"])],
    });
  const from = make("CHK", "UQ", "FK", "PK");
  const to = make("chk", "uq", "fk", "pk");
  assert.deepEqual(run([from], [to], folding), []);
  assert.deepEqual(kinds(run([from], [to], {})), ["drop-foreign-key", "drop-check", "drop-unique", "drop-primary-key", "add-primary-key", "add-unique", "add-check", "add-foreign-key"]);
  const changedCheck = { ...to, checks: [check("a > 1", "chk")] };
  assert.deepEqual(run([from], [changedCheck], folding), [
    { kind: "drop-check", table: T, check: check("a > 0", "CHK") },
    { kind: "add-check", table: T, check: check("a > 1", "chk") },
  ]);
});

test("nameKey: names that share a key on one side are not guessed at; the strategy still decides the rest", () => {
  const key: DiffHooks = { nameKey: (_kind, name) => name.replace(/_/g, "").toLowerCase() };
  const ambiguous = run([table("t", cols("id", "A_B", "AB_"))], [table("t", cols("id", "ab"))], key);
  assert.deepEqual(kinds(ambiguous), ["drop-column", "drop-column", "add-column"]);
  const renames = explicitRenames({ columns: [{ table: T, from: "old", to: "new" }] });
  const both = run([table("t", cols("id", "Name", "old"))], [table("t", cols("id", "name", "new"))], folding, { renames });
  assert.deepEqual(both, [
    { kind: "rename-column", table: T, from: "Name", to: "name" },
    { kind: "rename-column", table: T, from: "old", to: "new" },
  ]);
});

test("columnOrder: off, a new column order is no change; on, only the moved column is altered", () => {
  const from = table("t", cols("id", "name", "nickname", "created"));
  const to = table("t", cols("id", "nickname", "name", "created"));
  assert.deepEqual(run([from], [to], {}), []);
  assert.deepEqual(run([from], [to], ordered), [{ kind: "alter-column", table: T, from: col("nickname"), to: col("nickname"), what: ["position"] }]);
  assert.deepEqual(run([to], [from], ordered), [{ kind: "alter-column", table: T, from: col("name"), to: col("name"), what: ["position"] }]);
  assert.deepEqual(run([from], [from], ordered), []);
});

test("columnOrder: added and dropped columns do not make the others move; a moved column's other changes join its alter", () => {
  const from = table("t", [col("a"), col("gone"), col("b", "text"), col("c"), col("d")]);
  const to = table("t", [col("new"), col("a"), col("c"), col("d"), col("b", "varchar(5)")]);
  assert.deepEqual(run([from], [to], ordered), [
    { kind: "drop-column", table: T, column: col("gone") },
    { kind: "add-column", table: T, column: col("new") },
    { kind: "alter-column", table: T, from: col("b", "text"), to: col("b", "varchar(5)"), what: ["type", "position"] },
  ]);
  assert.deepEqual(run([from], [{ ...from, columns: [col("new"), ...from.columns.filter((c) => c.name !== "gone")] }], ordered).map((c) => c.kind), [
    "drop-column",
    "add-column",
  ]);
});

test("columnOrder: renamed and respelled columns are placed by their new names", () => {
  const from = table("t", cols("a", "B", "c"));
  const to = table("t", cols("c", "b2", "a"));
  const renames = explicitRenames({ columns: [{ table: T, from: "B", to: "b2" }] });
  assert.deepEqual(kinds(run([from], [to], ordered, { renames })), ["rename-column", "alter-column", "alter-column"]);
  const respelled = run([table("t", cols("a", "B", "c"))], [table("t", cols("b", "a", "c"))], { ...folding, ...ordered });
  assert.deepEqual(respelled, [
    { kind: "rename-column", table: T, from: "B", to: "b" },
    { kind: "alter-column", table: T, from: col("b"), to: col("b"), what: ["position"] },
  ]);
});

test("movedNames moves as few names as possible and keeps the earlier ones in a tie", () => {
  assert.deepEqual(movedNames(["a", "b", "c"], ["a", "b", "c"]), []);
  assert.deepEqual(movedNames(["id", "name", "nick", "at"], ["id", "nick", "name", "at"]), ["nick"]);
  assert.deepEqual(movedNames(["a", "b", "c", "d", "e", "f"], ["f", "a", "b", "c", "d", "e"]), ["f"]);
  assert.deepEqual(movedNames(["a", "b", "c", "d", "e", "f"], ["b", "c", "d", "e", "f", "a"]), ["a"]);
  assert.deepEqual(movedNames(["a", "b", "c", "d"], ["d", "c", "b", "a"]), ["d", "c", "b"]);
  assert.deepEqual(movedNames(["x", "a", "b", "y"], ["b", "z", "a"]), ["b"]);
});

test("nameKey for tables: a table respelled in case is renamed, its columns and keys follow", () => {
  const tableFolding: DiffHooks = { nameKey: (_kind, name) => name.toLowerCase() };
  const from = [table("USERS", [col("id"), col("Name")]), table("c", [col("u")], { foreignKeys: [fk("c_fk", ["u"], "USERS", ["id"])] })];
  const to = [table("users", [col("id"), col("name")]), table("c", [col("u")], { foreignKeys: [fk("c_fk", ["u"], "users", ["id"])] })];
  assert.deepEqual(kinds(run(from, to, tableFolding)), ["rename-table", "rename-column"]);
  const tablesKeptApart: DiffHooks = { nameKey: (kind, name) => (kind === "table" ? name : name.toLowerCase()) };
  assert.deepEqual(kinds(run(from, to, tablesKeptApart)).sort(), ["add-foreign-key", "create-table", "drop-foreign-key", "drop-table"].sort());
});
