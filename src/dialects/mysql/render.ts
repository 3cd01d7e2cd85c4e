/**
 * The MySQL renderer: a plan as DDL statements, one ALTER TABLE per table where it can.
 *
 * Steps are walked in render-order.ts's order, which groups them by table; consecutive steps
 * on the same table merge into one ALTER TABLE whose `steps` lists them all, except where
 * MySQL cannot combine them: foreign key drops run in a statement of their own before the
 * index or column they use goes; renames run alone; InnoDB builds one FULLTEXT index per
 * statement; ADD/DROP PARTITION run alone. Inside a statement, drops come before adds and a
 * foreign key after its index; partitioning options come last, without a comma.
 *
 * Literals are written as the catalog prints them, with backslash escapes. Under
 * NO_BACKSLASH_ESCAPES the server would read those backslashes literally, and no literal reads
 * the same both ways (COMMENT and ENUM take only a quoted string, not X'…'), so a statement
 * holding one runs with that mode switched off and the session's mode restored after it.
 */
import { isTableLevel } from "../../diff/changes.js";
import { qualifiedKey } from "../../schema/names.js";
import type { Plan } from "../../plan/types.js";
import type { Schema } from "../../schema/types.js";
import type { RenderedStatement } from "../dialect.js";
import { alterPiece, type AlterPiece, type Clause } from "./render-alter.js";
import { qualified } from "./render-definitions.js";
import { objectStatements } from "./render-objects.js";
import { renderOrder } from "./render-order.js";
import { RenderState } from "./render-state.js";
import { segments } from "./sql-text.js";

interface Batch {
  readonly piece: AlterPiece;
  readonly clauses: Clause[];
  readonly steps: number[];
  destructive: boolean;
}

/** Renders an ordered plan as MySQL DDL. */
export function render(plan: Plan, from: Schema, to: Schema): RenderedStatement[] {
  const state = new RenderState(from, to, plan.steps);
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
    batch.destructive ||= step.destructive || piece.clauses.some((c) => c.destructive === true);
  }
  flush();
  return out.flatMap(withBackslashEscapes);
}

/** Saves the session's sql_mode and drops NO_BACKSLASH_ESCAPES from it. */
const ESCAPES_ON =
  "SET @shale_sql_mode = @@SESSION.sql_mode, SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))";
const MODE_RESTORED = "SET SESSION sql_mode = @shale_sql_mode";

/** The statement, between ESCAPES_ON and MODE_RESTORED when one of its literals holds a backslash. */
function withBackslashEscapes(statement: RenderedStatement): RenderedStatement[] {
  if (!segments(statement.sql).some((part) => part.kind === "string" && part.text.includes("\\"))) return [statement];
  return [{ sql: ESCAPES_ON, steps: [], destructive: false }, statement, { sql: MODE_RESTORED, steps: statement.steps, destructive: false }];
}

function canJoin(batch: Batch, piece: AlterPiece): boolean {
  if (qualifiedKey(batch.piece.table) !== qualifiedKey(piece.table) || batch.piece.group !== piece.group) return false;
  return !(piece.clauses.some((c) => c.fulltext) && batch.clauses.some((c) => c.fulltext));
}

function batchStatement(batch: Batch): RenderedStatement {
  const seen = new Set<string>();
  const sorted = batch.clauses
    .map((clause, order) => ({ clause, order }))
    .sort((a, b) => a.clause.rank - b.clause.rank || a.order - b.order)
    .map(({ clause }) => clause)
    .filter((clause) => !seen.has(clause.sql) && seen.add(clause.sql));
  const clauses = sorted.filter((c) => !c.trailing).map((c) => c.sql);
  const trailing = sorted.filter((c) => c.trailing).map((c) => c.sql);
  const head = `ALTER TABLE ${qualified(batch.piece.table)}`;
  const listed = clauses.length === 0 ? "" : clauses.length === 1 && trailing.length === 0 ? ` ${clauses[0]}` : `\n  ${clauses.join(",\n  ")}`;
  const tail = trailing.map((sql) => (clauses.length === 0 ? ` ${sql}` : `\n  ${sql}`)).join("");
  const sql = `${head}${listed}${tail}`;
  return { sql, steps: [...batch.steps].sort((a, b) => a - b), destructive: batch.destructive };
}
