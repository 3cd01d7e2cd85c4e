/**
 * Sequence ownership around the tables that own them. A sequence must exist before a column
 * default uses it, but OWNED BY needs the column; and PostgreSQL drops an owned sequence along
 * with its column, so a sequence that is dropped anyway is released first to keep its own step.
 */
import type { Change } from "../diff/changes.js";
import { qualifiedKey, sameName } from "../schema/names.js";
import type { Sequence } from "../schema/types.js";
import { droppedTables } from "./dropped-tables.js";

function withoutOwner(sequence: Sequence): Sequence {
  const { ownedBy: _owner, ...rest } = sequence;
  return rest;
}

/** Splits OWNED BY out of new sequences of new tables, and releases owned sequences that are dropped. */
export function placeSequenceOwners(changes: readonly Change[]): Change[] {
  const created = new Set(changes.flatMap((c) => (c.kind === "create-table" ? [qualifiedKey(c.table)] : [])));
  const dropped = droppedTables(changes);
  const columnDropped = (s: Sequence): boolean =>
    changes.some((c) => c.kind === "drop-column" && s.ownedBy !== undefined && sameName(c.table, s.ownedBy.table) && c.column.name === s.ownedBy.column);
  const out: Change[] = [];
  for (const c of changes) {
    const owner = c.kind === "create-sequence" || c.kind === "drop-sequence" ? c.sequence.ownedBy : undefined;
    if (c.kind === "create-sequence" && owner && created.has(qualifiedKey(owner.table))) {
      out.push({ kind: "create-sequence", sequence: withoutOwner(c.sequence) }, { kind: "alter-sequence", from: withoutOwner(c.sequence), to: c.sequence });
    } else if (c.kind === "drop-sequence" && owner && (dropped(owner.table) || columnDropped(c.sequence))) {
      out.push({ kind: "alter-sequence", from: c.sequence, to: withoutOwner(c.sequence) }, c);
    } else {
      out.push(c);
    }
  }
  return out;
}
