/**
 * Rename strategies. The default never guesses; `explicitRenames` honours pairs it is given
 * (schema hints, saved answers). Tables are named as `schema.name`, or `name` when the schema
 * is "" (MySQL, SQLite); columns and indexes by their plain name within the table, which is
 * passed as `scope` under its new name.
 */
import { ShaleError } from "../errors.js";
import { compareStrings, displayName, sameName } from "../schema/names.js";
import type { QualifiedName } from "../schema/types.js";
import type { RenamePair, RenameStrategy } from "./options.js";

/** The strategy that sees no renames: every dropped and added object stays a drop and an add. */
export const noRenames: RenameStrategy = {
  renames: () => [],
};

/** A column or index rename inside one table (named by its new name). */
export interface ScopedRename extends RenamePair {
  readonly table: QualifiedName;
  /** How the caller stated it (a command-line flag), for messages about a rename that does not apply. */
  readonly label?: string;
}

/** A table rename a caller states. */
export interface TableRename {
  readonly from: QualifiedName;
  readonly to: QualifiedName;
  /** How the caller stated it (a command-line flag), for messages about a rename that does not apply. */
  readonly label?: string;
}

/** The renames a caller states up front. */
export interface ExplicitRenames {
  readonly tables?: readonly TableRename[];
  readonly columns?: readonly ScopedRename[];
  readonly indexes?: readonly ScopedRename[];
}

/** The name the strategy uses for a table. */
export function tableRenameName(name: QualifiedName): string {
  return displayName(name);
}

/** A strategy that returns exactly the given pairs, where both sides are on offer. */
export function explicitRenames(renames: ExplicitRenames): RenameStrategy {
  const tables = (renames.tables ?? []).map((r) => ({ from: tableRenameName(r.from), to: tableRenameName(r.to) }));
  return {
    renames(kind, scope, dropped, added) {
      const given =
        kind === "table" ? tables : ((kind === "column" ? renames.columns : renames.indexes) ?? []).filter((r) => scope && sameName(r.table, scope));
      return given.filter((r) => dropped.includes(r.from) && added.includes(r.to)).map((r) => ({ from: r.from, to: r.to }));
    },
  };
}

/**
 * Asks the strategy and checks its answer: each pair joins one dropped and one added name,
 * each name at most once. Returns the pairs sorted by their old name.
 */
export function resolveRenames(
  strategy: RenameStrategy,
  kind: "table" | "column" | "index",
  scope: QualifiedName | undefined,
  dropped: readonly string[],
  added: readonly string[],
): RenamePair[] {
  if (dropped.length === 0 || added.length === 0) return [];
  const pairs = strategy.renames(kind, scope, dropped, added);
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  for (const pair of pairs) {
    if (!dropped.includes(pair.from) || !added.includes(pair.to) || usedFrom.has(pair.from) || usedTo.has(pair.to)) {
      const where = scope ? ` in ${displayName(scope)}` : "";
      throw new ShaleError("SHALE_E_USAGE", `Invalid ${kind} rename ${pair.from} → ${pair.to}${where}.`, {
        hint: `A rename must join one ${kind} that disappears with one that appears, each used once.`,
      });
    }
    usedFrom.add(pair.from);
    usedTo.add(pair.to);
  }
  return [...pairs].sort((a, b) => compareStrings(a.from, b.from));
}
