/** The tables a plan drops, looked up by name; several planner passes leave those alone. */
import type { Change } from "../diff/changes.js";
import { qualifiedKey } from "../schema/names.js";
import type { QualifiedName } from "../schema/types.js";

/** Whether a table (by its name before the plan) is one the changes drop. */
export type DroppedTables = (name: QualifiedName) => boolean;

/** The tables the changes drop. */
export function droppedTables(changes: readonly Change[]): DroppedTables {
  const keys = new Set(changes.flatMap((c) => (c.kind === "drop-table" ? [qualifiedKey(c.table)] : [])));
  return (name) => keys.has(qualifiedKey(name));
}
