/** Type changes that only widen are not destructive; everything else is. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { isWidening } from "../../src/plan/widening.js";
import type { ColumnType } from "../../src/schema/types.js";

const b = (name: string, ...args: string[]): ColumnType => (args.length ? { kind: "builtin", name, args } : { kind: "builtin", name });

const widening: [ColumnType, ColumnType][] = [
  [b("character varying", "100"), b("character varying", "255")],
  [b("character varying", "100"), b("character varying")],
  [b("character varying", "100"), b("text")],
  [b("varchar", "20"), b("varchar", "21")],
  [b("varchar", "20"), b("mediumtext")],
  [b("integer"), b("bigint")],
  [b("smallint"), b("integer")],
  [b("tinyint"), b("int")],
  [b("int unsigned"), b("bigint unsigned")],
  [b("numeric", "10", "2"), b("numeric", "12", "2")],
  [b("numeric", "10", "2"), b("numeric", "11", "3")],
  [b("decimal", "10", "2"), b("decimal", "12", "4")],
  [b("text"), b("longtext")],
  [b("real"), b("double precision")],
  [{ kind: "enum", values: ["a", "b"] }, { kind: "enum", values: ["a", "b", "c"] }],
  [{ kind: "array", element: b("integer") }, { kind: "array", element: b("bigint") }],
];

const narrowing: [ColumnType, ColumnType][] = [
  [b("character varying", "255"), b("character varying", "100")],
  [b("text"), b("character varying", "100")],
  [b("bigint"), b("integer")],
  [b("int"), b("int unsigned")],
  [b("int unsigned"), b("bigint")],
  [b("numeric", "10", "2"), b("numeric", "10", "3")],
  [b("numeric", "10", "2"), b("numeric", "12", "1")],
  [b("character", "5"), b("character")],
  [b("integer"), b("text")],
  [b("longtext"), b("text")],
  [{ kind: "enum", values: ["a", "b"] }, { kind: "enum", values: ["b", "a"] }],
  [{ kind: "enum", values: ["a", "b"] }, { kind: "enum", values: ["a"] }],
  [{ kind: "raw", sql: "geometry" }, { kind: "raw", sql: "geometry" }],
];

test("widening type changes are recognised", () => {
  for (const [from, to] of widening) assert.equal(isWidening(from, to), true, `${JSON.stringify(from)} → ${JSON.stringify(to)}`);
});

test("narrowing or unknown type changes are not", () => {
  for (const [from, to] of narrowing) assert.equal(isWidening(from, to), false, `${JSON.stringify(from)} → ${JSON.stringify(to)}`);
});
