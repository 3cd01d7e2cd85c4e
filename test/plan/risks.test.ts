/**
 * What plan steps risk: the generic rules (a column that becomes generated loses its values)
 * and what a dialect adds through PlanCapabilities.changeRisk (MySQL: a column that stops being
 * VIRTUAL is dropped and added again; text converted to a character set that cannot hold it).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diff } from "../../src/diff/differ.js";
import { mysqlSchema } from "../../src/dialects/mysql/schema.js";
import { postgresSchema } from "../../src/dialects/postgres/schema.js";
import { plan } from "../../src/plan/planner.js";
import { mergeRisks } from "../../src/plan/risks.js";
import type { ChangeRisk, PlanCapabilities } from "../../src/plan/types.js";
import type { Column, Schema, Table } from "../../src/schema/types.js";
import { col, schema, table } from "../support/ir.js";

function risks(from: Schema, to: Schema, caps: PlanCapabilities): [string, ChangeRisk][] {
  return plan(diff(from, to, {}), from, to, caps).steps.map((s) => {
    const { destructive, irreversible, warning } = s;
    return [s.change.kind, { destructive, irreversible, ...(warning !== undefined ? { warning } : {}) }];
  });
}

const my = (tables: Table[]): Schema => schema({ tables }, "mysql");
const t = (columns: Column[], attrs: Record<string, string> = { "mysql.charset": "utf8mb4", "mysql.collation": "utf8mb4_0900_ai_ci" }): Table =>
  table("t", columns, { schema: "", attrs });

describe("generated columns", () => {
  it("a column that becomes generated is destructive and irreversible on every database", () => {
    const from = schema({ tables: [table("t", [col("a"), col("b")])] });
    const to = schema({ tables: [table("t", [col("a"), col("b", "integer", { generated: { expression: "a * 2", stored: true } })])] });
    assert.deepEqual(risks(from, to, postgresSchema.planCapabilities), [
      ["alter-column", { destructive: true, irreversible: true, warning: "makes public.t.b a generated column; its values are replaced by what the expression computes" }],
    ]);
  });

  it("on MySQL a column that stops being VIRTUAL comes back empty; one that stops being STORED keeps its values", () => {
    const virtual = col("b", "int", { generated: { expression: "a * 2", stored: false } });
    const stored = col("b", "int", { generated: { expression: "a * 2", stored: true } });
    const plain = col("b", "int");
    assert.deepEqual(risks(my([t([col("a", "int"), virtual])]), my([t([col("a", "int"), plain])]), mysqlSchema.planCapabilities), [
      ["alter-column", { destructive: true, irreversible: true, warning: "makes t.b a plain column; MySQL drops and adds it, so it comes back without values" }],
    ]);
    assert.deepEqual(risks(my([t([col("a", "int"), stored])]), my([t([col("a", "int"), plain])]), mysqlSchema.planCapabilities), [
      ["alter-column", { destructive: false, irreversible: false }],
    ]);
    assert.deepEqual(risks(my([t([col("a", "int"), virtual])]), my([t([col("a", "int"), stored])]), mysqlSchema.planCapabilities), [
      ["alter-column", { destructive: false, irreversible: false }],
    ]);
  });
});

describe("MySQL character sets", () => {
  const caps = mysqlSchema.planCapabilities;
  const text = (extra: Partial<Column> = {}): Column => col("name", "varchar(50)", extra);

  it("a column converted to a character set that cannot hold every character is destructive", () => {
    const latin1 = text({ collation: "latin1_swedish_ci", attrs: { "mysql.charset": "latin1" } });
    assert.deepEqual(risks(my([t([text()])]), my([t([latin1])]), caps), [
      ["alter-column", { destructive: true, irreversible: false, warning: "converts column t.name from utf8mb4 to latin1; characters latin1 cannot hold are lost or make the statement fail" }],
    ]);
    const ascii = text({ collation: "ascii_bin" });
    assert.equal(risks(my([t([text()])]), my([t([ascii])]), caps)[0]![1].destructive, true, "a collation of another character set converts too");
  });

  it("a conversion to utf8mb4, or from ascii, and a new collation of the same set, lose nothing", () => {
    const latin1 = text({ collation: "latin1_swedish_ci", attrs: { "mysql.charset": "latin1" } });
    assert.equal(risks(my([t([latin1])]), my([t([text()])]), caps)[0]![1].destructive, false);
    assert.equal(risks(my([t([text({ collation: "ascii_bin" })])]), my([t([latin1])]), caps)[0]![1].destructive, false);
    assert.equal(risks(my([t([text()])]), my([t([text({ collation: "utf8mb4_bin" })])]), caps)[0]![1].destructive, false);
  });

  it("a new table character set converts the text columns that follow it", () => {
    const latin1 = { "mysql.charset": "latin1", "mysql.collation": "latin1_swedish_ci" };
    const kept = text({ collation: "utf8mb4_bin" });
    const from = my([t([col("id", "int"), text(), { ...kept, name: "other" }])]);
    const to = my([t([col("id", "int"), text(), { ...kept, name: "other" }], latin1)]);
    assert.deepEqual(risks(from, to, caps), [
      ["alter-table", { destructive: true, irreversible: false, warning: "converts the text columns name of t from utf8mb4 to latin1; characters latin1 cannot hold are lost or make the statement fail" }],
    ]);
    assert.equal(risks(to, from, caps)[0]![1].destructive, false, "back to utf8mb4 loses nothing");
  });
});

describe("mergeRisks", () => {
  it("is destructive or irreversible if either side is, with both warnings", () => {
    assert.deepEqual(mergeRisks({ destructive: false, irreversible: false, warning: "a" }, { destructive: true, irreversible: false, warning: "b" }), {
      destructive: true,
      irreversible: false,
      warning: "a; b",
    });
    const safe = { destructive: false, irreversible: false };
    assert.equal(mergeRisks(safe, undefined), safe);
  });
});
