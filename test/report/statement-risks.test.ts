/**
 * The plan's steps are the one source of what is destructive: a statement the renderer marks
 * destructive (a MySQL DROP PARTITION) marks the steps it carries, and every report counts
 * from the steps. A renamed table gets one section in the Markdown report.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffSchemas, withStatementRisks } from "../../src/api/schema-diff.js";
import { explicitRenames } from "../../src/diff/rename-strategy.js";
import type { RenderedStatement } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import type { Plan } from "../../src/plan/types.js";
import { jsonReport } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderSqlScript } from "../../src/report/sql.js";
import { col, entity, idx, qn, schema, table } from "../support/ir.js";

const LABELS = { from: "a", to: "b" };

describe("destructive statements and steps", () => {
  it("marks the steps of a destructive statement that carries no destructive step, and only those", () => {
    const t = table("t", [col("a")]);
    const plan: Plan = {
      steps: [
        { change: { kind: "alter-table", from: t, to: t, what: ["attrs"] }, phase: "alter-tables", destructive: false, irreversible: false },
        { change: { kind: "add-column", table: qn("t"), column: col("b") }, phase: "alter-tables", destructive: false, irreversible: false },
        { change: { kind: "drop-column", table: qn("t"), column: col("c") }, phase: "alter-tables", destructive: true, irreversible: true, warning: "drops c" },
      ],
    };
    const statements: RenderedStatement[] = [
      { sql: "ALTER TABLE t\n  ENGINE=x", steps: [0], destructive: true },
      { sql: "ALTER TABLE t ADD COLUMN b int, DROP COLUMN c", steps: [1, 2], destructive: true },
    ];
    const marked = withStatementRisks(plan, statements);
    assert.deepEqual(
      marked.steps.map((s) => [s.destructive, s.warning]),
      [
        [true, "runs ALTER TABLE t ENGINE=x, which can lose data"],
        [false, undefined],
        [true, "drops c"],
      ],
    );
    assert.equal(withStatementRisks(plan, statements.slice(1)), plan, "nothing to mark: the same plan");
  });

  it("carries a MySQL DROP PARTITION's flag to the JSON, Markdown and SQL reports", async () => {
    const mysql = await loadDialect("mysql");
    const by = (parts: string[]): string => `RANGE (\`id\`) (${parts.join(", ")})`;
    const p1 = "PARTITION `p1` VALUES LESS THAN (10)";
    const p2 = "PARTITION `p2` VALUES LESS THAN (20)";
    const events = (parts: string[]) => table("events", [col("id", "int", { nullable: false })], { schema: "", primaryKey: { columns: ["id"] }, partitioning: { by: by(parts) } });
    const result = diffSchemas(mysql, schema({ tables: [events([p1, p2])] }, "mysql"), schema({ tables: [events([p2])] }, "mysql"));
    assert.deepEqual(
      result.statements.map((s) => [s.sql, s.destructive]),
      [["ALTER TABLE `events` DROP PARTITION `p1`", true]],
    );
    assert.equal(result.plan.steps.length, 1);
    assert.equal(result.plan.steps[0]!.destructive, true);

    const json = jsonReport(result, LABELS);
    assert.equal(json.summary.destructive, 1);
    assert.equal(json.changes[0]!.destructive, true);
    assert.match(json.changes[0]!.warning ?? "", /DROP PARTITION `p1`, which can lose data/);

    const md = renderMarkdown(result, LABELS);
    assert.match(md, /^1 change \(1 destructive\) in 1 statement\.$/m);
    assert.match(md, /## Destructive changes\n\n1 change can lose data;[^\n]*\n\n- ⚠️ \*\*alter table events \(partitioning\)\*\*: runs ALTER TABLE/);
    assert.match(renderSqlScript(result, LABELS), /-- WARNING: destructive: runs ALTER TABLE `events` DROP PARTITION `p1`, which can lose data\nALTER TABLE `events` DROP PARTITION `p1`;/);
  });
});

describe("Markdown sections of a renamed table", () => {
  it("puts the steps that run before the rename under the table's new name", async () => {
    const postgres = await loadDialect("postgres");
    const before = entity("orders", [col("total")], { indexes: [idx("orders_total_idx", ["total"])] });
    const after = entity("purchases", [col("total")], { primaryKey: { name: "orders_pkey", columns: ["id"] } });
    const renames = explicitRenames({ tables: [{ from: qn("orders"), to: qn("purchases") }] });
    const result = diffSchemas(postgres, schema({ tables: [before] }), schema({ tables: [after] }), { renames });
    assert.deepEqual(
      result.plan.steps.map((s) => s.change.kind),
      ["drop-index", "rename-table"],
    );
    const md = renderMarkdown(result, LABELS);
    assert.deepEqual(md.match(/^### .*$/gm), ["### `public.purchases`"]);
    assert.match(md, /### `public.purchases`\n\nRenamed from `public.orders`\.\n\n\| Change[^\n]*\n[^\n]*\n\| drop index \| index `orders_total_idx` \|/);
  });
});
