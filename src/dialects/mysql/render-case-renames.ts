/**
 * Index names are case-insensitive in MySQL and MariaDB: `IDX_NAME` and `idx_name` name the same
 * index. The generic differ compares names exactly, so a name that only changes case arrives as a
 * drop and a create of the same definition; the renderer writes that pair as RENAME INDEX, which
 * changes only the spelling instead of rebuilding the index.
 */
import { qualifiedKey } from "../../schema/names.js";
import type { Index, QualifiedName } from "../../schema/types.js";
import type { PlanStep } from "../../plan/types.js";
import type { AlterPiece } from "./render-alter.js";
import { quoteIdent } from "./quote.js";

/** The index without its name, for comparing two definitions exactly. */
function definitionOf(index: Index): string {
  const { name: _name, ...rest } = index;
  return JSON.stringify(rest);
}

/** A drop-index step written as a rename: the create-index step it absorbs, and its clause. */
export interface CaseRename {
  readonly create: number;
  readonly piece: AlterPiece;
}

/**
 * Drop-index steps whose index comes back under the same name in another case, by step; `order`
 * is the render order, and only a drop rendered before its create pairs.
 */
export function caseOnlyRenames(steps: readonly PlanStep[], order: readonly number[]): Map<number, CaseRename> {
  const position = new Map(order.map((step, at) => [step, at]));
  const key = (table: QualifiedName, index: Index) => JSON.stringify([qualifiedKey(table), index.name.toLowerCase(), definitionOf(index)]);
  const creates = new Map<string, { step: number; index: Index }>();
  steps.forEach(({ change }, i) => {
    if (change.kind === "create-index") creates.set(key(change.table, change.index), { step: i, index: change.index });
  });
  const pairs = new Map<number, CaseRename>();
  steps.forEach(({ change }, i) => {
    if (change.kind !== "drop-index") return;
    const create = creates.get(key(change.table, change.index));
    if (!create || create.index.name === change.index.name || position.get(create.step)! < position.get(i)!) return;
    const sql = `RENAME INDEX ${quoteIdent(change.index.name)} TO ${quoteIdent(create.index.name)}`;
    pairs.set(i, { create: create.step, piece: { table: change.table, group: "rename", clauses: [{ sql, rank: 3 }] } });
  });
  return pairs;
}
