/**
 * What the generic differ takes besides the two schemas: the dialect's hooks, the rename
 * strategy, and a filter over object names.
 */
import type { ColumnType, QualifiedName } from "../schema/types.js";

/** The parts of a table whose names DiffHooks.nameKey may fold: keys and foreign keys are "constraint". */
export type NameKind = "table" | "column" | "index" | "check" | "constraint";

/**
 * The few places where dialects compare differently. Each hook gets both sides after
 * normalising; a missing hook means plain equality of the normalised values.
 */
export interface DiffHooks {
  /** Whether two column types are the same type for this database. */
  sameType?(a: ColumnType, b: ColumnType): boolean;
  /** Whether two SQL expressions (defaults, checks, predicates, generated columns) are equal. */
  sameExpression?(a: string, b: string): boolean;
  /** Whether two view, routine or trigger definitions are equal. */
  sameDefinition?(a: string, b: string): boolean;
  /**
   * The key under which the database compares a name inside a table (a case-folded name where
   * names are case-insensitive). Two names with one key are one object spelled differently: a
   * column or an index is renamed to the new spelling, never dropped and added; a check or a
   * constraint is left as it is. Missing: names compare exactly.
   */
  nameKey?(kind: NameKind, name: string): string;
  /**
   * Whether the database keeps the columns of a table in a chosen order that DDL can change
   * (MySQL's AFTER/FIRST). Then columns out of place get an alter-column with "position",
   * moving as few as possible; off, column order never counts as a difference.
   */
  readonly columnOrder?: boolean;
}

/** A pair of names the strategy says are one object renamed. */
export interface RenamePair {
  readonly from: string;
  readonly to: string;
}

/**
 * Decides which dropped and added objects are renames. `scope` is the table for columns
 * and indexes, undefined for tables. The default strategy never guesses: it returns only
 * pairs it was told about (schema hints, saved answers, a person at a prompt).
 */
export interface RenameStrategy {
  renames(
    kind: "table" | "column" | "index",
    scope: QualifiedName | undefined,
    dropped: readonly string[],
    added: readonly string[],
  ): readonly RenamePair[];
}

/** Which objects take part in a diff. */
export interface SchemaFilter {
  /** Namespaces to compare; all when omitted. */
  readonly namespaces?: readonly string[];
  /** Tables (and their parts) to leave out, such as shale's own history tables. */
  readonly excludeTables?: (name: QualifiedName) => boolean;
}

/** Options for diff(). */
export interface DiffOptions {
  readonly hooks?: DiffHooks;
  readonly renames?: RenameStrategy;
  readonly filter?: SchemaFilter;
}
