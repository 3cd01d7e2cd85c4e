/**
 * The MySQL renderer: a plan as DDL statements, one ALTER TABLE per table where it can.
 *
 * Steps are walked in render-order.ts's order, which groups them by table; consecutive steps
 * on the same table merge into one ALTER TABLE whose `steps` lists them all, except where
 * MySQL cannot combine them: foreign key drops run in a statement of their own before the
 * index or column they use goes; renames run alone; InnoDB builds one FULLTEXT index per
 * statement. Inside a statement, drops come before adds and a foreign key after its index.
 */
import { qualifiedKey } from "../../schema/names.js";
import type { Plan } from "../../plan/types.js";
import type { Schema } from "../../schema/types.js";
import type { RenderedStatement } from "../dialect.js";
import { alterPiece, isTableLevel, type AlterPiece, type Clause } from "./render-alter.js";
import { qualified } from "./render-definitions.js";
import { objectStatements } from "./render-objects.js";
import { renderOrder } from "./render-order.js";
import { RenderState } from "./render-state.js";

interface Batch {
  readonly piece: AlterPiece;
  readonly clauses: Clause[];
  readonly steps: number[];
  destructive: boolean;
}

/** Renders an ordered plan as MySQL DDL. */
export function render(plan: Plan, from: Schema, to: Schema): RenderedStatement[] {
  const state = new RenderState(from, to);
  const out: RenderedStatement[] = [];
  let batch: Batch | undefined;
  const flush = () => {
    if (batch) out.push(batchStatement(batch));
    batch = undefined;
  };
  for (const index of renderOrder(plan.steps)) {
    const step = plan.steps[index]!;
    const change = step.change;
    if (!isTableLevel(change)) {
      flush();
      for (const sql of objectStatements(change, state)) out.push({ sql, steps: [index], destructive: step.destructive });
      continue;
    }
    const piece = alterPiece(change, state);
    if (!batch || !canJoin(batch, piece)) {
      flush();
      batch = { piece, clauses: [], steps: [], destructive: false };
    }
    batch.clauses.push(...piece.clauses);
    batch.steps.push(index);
    batch.destructive ||= step.destructive;
  }
  flush();
  return out;
}

function canJoin(batch: Batch, piece: AlterPiece): boolean {
  if (qualifiedKey(batch.piece.table) !== qualifiedKey(piece.table) || batch.piece.group !== piece.group) return false;
  return !(piece.clauses.some((c) => c.fulltext) && batch.clauses.some((c) => c.fulltext));
}

function batchStatement(batch: Batch): RenderedStatement {
  const seen = new Set<string>();
  const clauses = batch.clauses
    .map((clause, order) => ({ clause, order }))
    .sort((a, b) => a.clause.rank - b.clause.rank || a.order - b.order)
    .map(({ clause }) => clause.sql)
    .filter((sql) => !seen.has(sql) && seen.add(sql));
  const head = `ALTER TABLE ${qualified(batch.piece.table)}`;
  const sql = clauses.length === 1 ? `${head} ${clauses[0]}` : `${head}\n  ${clauses.join(",\n  ")}`;
  return { sql, steps: [...batch.steps].sort((a, b) => a - b), destructive: batch.destructive };
}
