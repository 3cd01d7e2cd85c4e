/**
 * The changes that turn one Schema into another: a discriminated union on `kind`.
 * Every consumer (planner, renderers, reports) switches over it exhaustively, so a new kind
 * that a renderer does not handle fails to compile instead of being dropped silently.
 *
 * A changed object that no ALTER can express is a drop followed by a create; the differ
 * emits both, and the planner orders them. Table-level parts (columns, keys, checks,
 * indexes) change through their own kinds so that reports and renderers see each one.
 */
import type {
  Check,
  Column,
  Domain,
  EnumType,
  Extension,
  ForeignKey,
  Index,
  Namespace,
  PrimaryKey,
  QualifiedName,
  Routine,
  Sequence,
  Table,
  Trigger,
  UniqueConstraint,
  View,
} from "../schema/types.js";

/**
 * What about a column changed; an AlterColumn lists every aspect that differs. "position" means
 * the column moves among the table's columns, and comes only from dialects that ask for it
 * (DiffHooks.columnOrder); the renderer finds where from `to`'s column order.
 */
export type ColumnAspect = "type" | "nullable" | "default" | "identity" | "generated" | "collation" | "comment" | "attrs" | "position";

/** Table-level properties other than its parts. */
export type TableAspect = "comment" | "attrs" | "partitioning";

/** The kinds of named table constraint a comment can sit on (exclusion constraints travel as table attrs). */
export type ConstraintKind = "primary-key" | "unique" | "foreign-key" | "check";

/** A table constraint named by its kind and name, as COMMENT ON CONSTRAINT needs it. */
export interface ConstraintRef {
  readonly kind: ConstraintKind;
  /** Omitted where the database has no name for it (a MySQL or SQLite primary key, a SQLite check). */
  readonly name?: string;
}

/** One change. `table` is the table's qualified name where the change belongs to a table. */
export type Change =
  | { readonly kind: "create-namespace"; readonly namespace: Namespace }
  | { readonly kind: "drop-namespace"; readonly namespace: Namespace }
  | { readonly kind: "alter-namespace"; readonly from: Namespace; readonly to: Namespace }
  | { readonly kind: "create-extension"; readonly extension: Extension }
  | { readonly kind: "drop-extension"; readonly extension: Extension }
  | { readonly kind: "alter-extension"; readonly from: Extension; readonly to: Extension }
  | { readonly kind: "create-enum"; readonly enum: EnumType }
  | { readonly kind: "drop-enum"; readonly enum: EnumType }
  /** Values only added (each with its position); PostgreSQL can do this in place. */
  | { readonly kind: "add-enum-values"; readonly from: EnumType; readonly to: EnumType }
  /** Values removed or reordered: the type must be rebuilt and its columns converted. */
  | { readonly kind: "rebuild-enum"; readonly from: EnumType; readonly to: EnumType }
  | { readonly kind: "alter-enum-comment"; readonly from: EnumType; readonly to: EnumType }
  | { readonly kind: "create-domain"; readonly domain: Domain }
  | { readonly kind: "drop-domain"; readonly domain: Domain }
  | { readonly kind: "alter-domain"; readonly from: Domain; readonly to: Domain }
  | { readonly kind: "create-sequence"; readonly sequence: Sequence }
  | { readonly kind: "drop-sequence"; readonly sequence: Sequence }
  | { readonly kind: "alter-sequence"; readonly from: Sequence; readonly to: Sequence }
  /**
   * A new table with its columns, keys, checks and indexes. Foreign keys in `table` are the
   * ones created inline; the planner moves those that close a cycle into AddForeignKey.
   */
  | { readonly kind: "create-table"; readonly table: Table }
  | { readonly kind: "drop-table"; readonly table: Table }
  | { readonly kind: "rename-table"; readonly from: QualifiedName; readonly to: QualifiedName }
  | { readonly kind: "alter-table"; readonly from: Table; readonly to: Table; readonly what: readonly TableAspect[] }
  | { readonly kind: "add-column"; readonly table: QualifiedName; readonly column: Column }
  | { readonly kind: "drop-column"; readonly table: QualifiedName; readonly column: Column }
  | { readonly kind: "rename-column"; readonly table: QualifiedName; readonly from: string; readonly to: string }
  | {
      readonly kind: "alter-column";
      readonly table: QualifiedName;
      readonly from: Column;
      readonly to: Column;
      readonly what: readonly ColumnAspect[];
    }
  | { readonly kind: "add-primary-key"; readonly table: QualifiedName; readonly primaryKey: PrimaryKey }
  | { readonly kind: "drop-primary-key"; readonly table: QualifiedName; readonly primaryKey: PrimaryKey }
  | { readonly kind: "add-unique"; readonly table: QualifiedName; readonly unique: UniqueConstraint }
  | { readonly kind: "drop-unique"; readonly table: QualifiedName; readonly unique: UniqueConstraint }
  | { readonly kind: "add-foreign-key"; readonly table: QualifiedName; readonly foreignKey: ForeignKey }
  | { readonly kind: "drop-foreign-key"; readonly table: QualifiedName; readonly foreignKey: ForeignKey }
  | { readonly kind: "add-check"; readonly table: QualifiedName; readonly check: Check }
  | { readonly kind: "drop-check"; readonly table: QualifiedName; readonly check: Check }
  /**
   * Only a constraint's comment changed; `from`/`to` are the comments, omitted when there is
   * none. The constraint keeps its definition, so it is never dropped and added for this.
   */
  | {
      readonly kind: "alter-constraint-comment";
      readonly table: QualifiedName;
      readonly constraint: ConstraintRef;
      readonly from?: string;
      readonly to?: string;
    }
  | { readonly kind: "create-index"; readonly table: QualifiedName; readonly index: Index }
  | { readonly kind: "drop-index"; readonly table: QualifiedName; readonly index: Index }
  | { readonly kind: "rename-index"; readonly table: QualifiedName; readonly from: string; readonly to: string }
  /** Only the index's comment or attributes changed (MySQL invisible, comments). */
  | { readonly kind: "alter-index"; readonly table: QualifiedName; readonly from: Index; readonly to: Index }
  | { readonly kind: "create-view"; readonly view: View }
  | { readonly kind: "drop-view"; readonly view: View }
  /** A view whose definition changed; renderers use CREATE OR REPLACE where the database allows. */
  | { readonly kind: "replace-view"; readonly from: View; readonly to: View }
  | { readonly kind: "alter-view-comment"; readonly from: View; readonly to: View }
  | { readonly kind: "create-routine"; readonly routine: Routine }
  | { readonly kind: "drop-routine"; readonly routine: Routine }
  | { readonly kind: "replace-routine"; readonly from: Routine; readonly to: Routine }
  | { readonly kind: "create-trigger"; readonly trigger: Trigger }
  | { readonly kind: "drop-trigger"; readonly trigger: Trigger }
  /** Only a trigger's comment changed. */
  | { readonly kind: "alter-trigger-comment"; readonly from: Trigger; readonly to: Trigger };

/** The kinds of change, for summaries and exhaustive tables. */
export type ChangeKind = Change["kind"];

/** Every change kind, in a stable order (used by reports to print counts). */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  "create-namespace",
  "drop-namespace",
  "alter-namespace",
  "create-extension",
  "drop-extension",
  "alter-extension",
  "create-enum",
  "drop-enum",
  "add-enum-values",
  "rebuild-enum",
  "alter-enum-comment",
  "create-domain",
  "drop-domain",
  "alter-domain",
  "create-sequence",
  "drop-sequence",
  "alter-sequence",
  "create-table",
  "drop-table",
  "rename-table",
  "alter-table",
  "add-column",
  "drop-column",
  "rename-column",
  "alter-column",
  "add-primary-key",
  "drop-primary-key",
  "add-unique",
  "drop-unique",
  "add-foreign-key",
  "drop-foreign-key",
  "add-check",
  "drop-check",
  "alter-constraint-comment",
  "create-index",
  "drop-index",
  "rename-index",
  "alter-index",
  "create-view",
  "drop-view",
  "replace-view",
  "alter-view-comment",
  "create-routine",
  "drop-routine",
  "replace-routine",
  "create-trigger",
  "drop-trigger",
  "alter-trigger-comment",
];

/** Fails to compile when a switch over Change misses a kind; throws if reached anyway. */
export function assertNever(value: never, what = "change"): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}

/** The kinds that change a part or a property of a table that exists before and after. */
const TABLE_LEVEL_KIND_LIST = [
  "alter-table",
  "add-column",
  "drop-column",
  "rename-column",
  "alter-column",
  "add-primary-key",
  "drop-primary-key",
  "add-unique",
  "drop-unique",
  "add-foreign-key",
  "drop-foreign-key",
  "add-check",
  "drop-check",
  "alter-constraint-comment",
  "create-index",
  "drop-index",
  "rename-index",
  "alter-index",
] as const satisfies readonly ChangeKind[];

/** A change to a part or property of an existing table (the kinds in TABLE_LEVEL_KINDS). */
export type TableLevelChange = Extract<Change, { kind: (typeof TABLE_LEVEL_KIND_LIST)[number] }>;

/** The kinds that change a part or a property of a table that exists before and after (ALTER TABLE work). */
export const TABLE_LEVEL_KINDS: ReadonlySet<ChangeKind> = new Set<ChangeKind>(TABLE_LEVEL_KIND_LIST);

/** Whether a change alters a part or property of an existing table. */
export function isTableLevel(change: Change): change is TableLevelChange {
  return TABLE_LEVEL_KINDS.has(change.kind);
}

/**
 * The table a change belongs to, or undefined for objects that stand alone. A renamed or
 * altered table is named as it is after the change; a part of a table as the change names it.
 */
export function changeTable(change: Change): QualifiedName | undefined {
  switch (change.kind) {
    case "create-table":
    case "drop-table":
      return { schema: change.table.schema, name: change.table.name };
    case "rename-table":
    case "alter-table":
      return { schema: change.to.schema, name: change.to.name };
    case "add-column":
    case "drop-column":
    case "rename-column":
    case "alter-column":
    case "add-primary-key":
    case "drop-primary-key":
    case "add-unique":
    case "drop-unique":
    case "add-foreign-key":
    case "drop-foreign-key":
    case "add-check":
    case "drop-check":
    case "alter-constraint-comment":
    case "create-index":
    case "drop-index":
    case "rename-index":
    case "alter-index":
      return change.table;
    case "create-namespace":
    case "drop-namespace":
    case "alter-namespace":
    case "create-extension":
    case "drop-extension":
    case "alter-extension":
    case "create-enum":
    case "drop-enum":
    case "add-enum-values":
    case "rebuild-enum":
    case "alter-enum-comment":
    case "create-domain":
    case "drop-domain":
    case "alter-domain":
    case "create-sequence":
    case "drop-sequence":
    case "alter-sequence":
    case "create-view":
    case "drop-view":
    case "replace-view":
    case "alter-view-comment":
    case "create-routine":
    case "drop-routine":
    case "replace-routine":
    case "create-trigger":
    case "drop-trigger":
    case "alter-trigger-comment":
      return undefined;
    default:
      return assertNever(change);
  }
}
