/** The renames in a list of changes, to translate between old and new table and column names. */
import type { Change } from "../diff/changes.js";
import { qualifiedKey } from "../schema/names.js";
import type { QualifiedName } from "../schema/types.js";

/** Old and new names of tables and columns, as the rename changes state them. */
export interface RenameLookup {
  /** The new name of a table known by its old name. */
  newTable(name: QualifiedName): QualifiedName;
  /** The old name of a table known by its new name. */
  oldTable(name: QualifiedName): QualifiedName;
  /** The new name of a column of a table known by its new name. */
  newColumn(table: QualifiedName, column: string): string;
}

/** Reads the rename-table and rename-column changes. */
export function renameLookup(changes: readonly Change[]): RenameLookup {
  const forward = new Map<string, QualifiedName>();
  const backward = new Map<string, QualifiedName>();
  const columnsForward = new Map<string, string>();
  for (const c of changes) {
    if (c.kind === "rename-table") {
      forward.set(qualifiedKey(c.from), c.to);
      backward.set(qualifiedKey(c.to), c.from);
    } else if (c.kind === "rename-column") {
      columnsForward.set(JSON.stringify([qualifiedKey(c.table), c.from]), c.to);
    }
  }
  return {
    newTable: (name) => forward.get(qualifiedKey(name)) ?? name,
    oldTable: (name) => backward.get(qualifiedKey(name)) ?? name,
    newColumn: (table, name) => columnsForward.get(JSON.stringify([qualifiedKey(table), name])) ?? name,
  };
}
