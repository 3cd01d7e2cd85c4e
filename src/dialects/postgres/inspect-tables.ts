/** Assembles tables from the rows of the table, column, constraint and index queries. */
import { qualifiedKey } from "../../schema/names.js";
import type {
  Attrs,
  Check,
  Column,
  ForeignKey,
  Index,
  IndexPart,
  PrimaryKey,
  ReferentialAction,
  Table,
  UniqueConstraint,
} from "../../schema/types.js";
import { columnType, identityOf, type TypeColumns } from "./inspect-types.js";

/** A row of inspect-tables.sql. */
export interface TableRow {
  oid: number;
  schema: string;
  name: string;
  partitioned: boolean;
  unlogged: boolean;
  options: string | null;
  partition_by: string | null;
  parent_schema: string | null;
  parent_name: string | null;
  partition_bound: string | null;
  comment: string | null;
}

/** A row of inspect-columns.sql. */
export interface ColumnRow extends TypeColumns {
  /** The oid of the column's table (see TableRow). */
  table_oid: number;
  name: string;
  /** pg_attribute.attnum: the rows come unsorted. */
  position: number;
  not_null: boolean;
  default: string | null;
  generated: string | null;
  identity: "a" | "d" | null;
  seq_type: string | null;
  seq_start: string | null;
  seq_increment: string | null;
  seq_min: string | null;
  seq_max: string | null;
  seq_cache: string | null;
  seq_cycle: boolean | null;
  collation: string | null;
  comment: string | null;
}

/** A row of inspect-constraints.sql. */
export interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: "p" | "u" | "f" | "c" | "x";
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  on_delete: string | null;
  on_update: string | null;
  match: string | null;
  deferrable: boolean;
  deferred: boolean;
  not_valid: boolean;
  no_inherit: boolean;
  expression: string | null;
  definition: string | null;
  comment: string | null;
}

/** A row of inspect-indexes.sql. */
export interface IndexRow {
  schema: string;
  table: string;
  on_view: boolean;
  name: string;
  unique: boolean;
  method: string;
  where: string | null;
  options: string | null;
  nulls_not_distinct: boolean;
  key_count: number;
  parts: {
    column: string | null;
    expression: string | null;
    option: number | null;
    collation: string | null;
    /** The whole index definition, only for an expression part with a collation. */
    definition: string | null;
    opclass: string | null;
  }[];
  comment: string | null;
}

/** Table attribute keys; exclusion constraints are kept as `postgres.exclude:<name>`. */
export const TABLE_ATTRS = { unlogged: "postgres.unlogged", with: "postgres.with", excludePrefix: "postgres.exclude:" } as const;

/** Index attribute key for storage parameters. */
export const INDEX_WITH = "postgres.with";

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };

/** Builds the tables, with their columns, keys, checks and indexes, from the query rows. */
export function buildTables(tables: TableRow[], columns: ColumnRow[], constraints: ConstraintRow[], indexes: IndexRow[]): {
  tables: Table[];
  viewIndexes: Map<string, Index[]>;
} {
  const byKey = new Map<string, Mutable<Table>>();
  const byOid = new Map<number, Mutable<Table>>();
  for (const row of tables) {
    const table = tableOf(row);
    byKey.set(qualifiedKey(row), table);
    byOid.set(row.oid, table);
  }
  addColumns(byOid, columns);
  for (const row of constraints) {
    const table = byKey.get(qualifiedKey({ schema: row.schema, name: row.table }));
    if (table) addConstraint(table, row);
  }
  const viewIndexes = new Map<string, Index[]>();
  for (const row of indexes) {
    const key = qualifiedKey({ schema: row.schema, name: row.table });
    if (row.on_view) viewIndexes.set(key, [...(viewIndexes.get(key) ?? []), indexOf(row)]);
    else byKey.get(key)?.indexes.push(indexOf(row));
  }
  return { tables: [...byKey.values()], viewIndexes };
}

/**
 * Puts each column row into its table, in column order. The rows come unsorted, though mostly
 * each table's together and in order: a column is placed by walking back from its table's end.
 */
function addColumns(byOid: ReadonlyMap<number, Mutable<Table>>, columns: readonly ColumnRow[]): void {
  const positions = new Map<Mutable<Table>, number[]>();
  for (const row of columns) {
    const table = byOid.get(row.table_oid);
    if (!table) continue;
    let seen = positions.get(table);
    if (!seen) positions.set(table, (seen = []));
    let at = seen.length;
    while (at > 0 && seen[at - 1]! > row.position) at -= 1;
    seen.splice(at, 0, row.position);
    table.columns.splice(at, 0, columnOf(row));
  }
}

function tableOf(row: TableRow): Mutable<Table> {
  const table: Mutable<Table> = { schema: row.schema, name: row.name, columns: [], uniques: [], foreignKeys: [], checks: [], indexes: [] };
  if (row.comment !== null) table.comment = row.comment;
  if (row.partition_by !== null || row.parent_name !== null) {
    table.partitioning = {
      ...(row.partition_by !== null ? { by: row.partition_by } : {}),
      ...(row.parent_name !== null && row.parent_schema !== null && row.partition_bound !== null
        ? { of: { parent: { schema: row.parent_schema, name: row.parent_name }, bound: row.partition_bound } }
        : {}),
    };
  }
  const attrs: Record<string, string | boolean> = {};
  if (row.unlogged) attrs[TABLE_ATTRS.unlogged] = true;
  if (row.options) attrs[TABLE_ATTRS.with] = row.options;
  if (Object.keys(attrs).length > 0) table.attrs = attrs;
  return table;
}

function columnOf(row: ColumnRow): Column {
  const column: Mutable<Column> = { name: row.name, type: columnType(row), nullable: !row.not_null };
  if (row.default !== null) column.default = row.default;
  if (row.identity !== null && row.seq_type !== null) {
    column.identity = identityOf(row.identity, {
      type: row.seq_type,
      start: row.seq_start!,
      increment: row.seq_increment!,
      min: row.seq_min!,
      max: row.seq_max!,
      cache: row.seq_cache!,
      cycle: row.seq_cycle === true,
    });
  }
  if (row.generated !== null) column.generated = { expression: row.generated, stored: true };
  if (row.collation !== null) column.collation = row.collation;
  if (row.comment !== null) column.comment = row.comment;
  return column;
}

function deferrable(row: ConstraintRow): { deferrable?: boolean; initiallyDeferred?: boolean } {
  return { ...(row.deferrable ? { deferrable: true } : {}), ...(row.deferred ? { initiallyDeferred: true } : {}) };
}

function comment(row: ConstraintRow): { comment?: string } {
  return row.comment === null ? {} : { comment: row.comment };
}

function addConstraint(table: Mutable<Table>, row: ConstraintRow): void {
  switch (row.type) {
    case "p": {
      const primaryKey: PrimaryKey = { name: row.name, columns: row.columns, ...deferrable(row), ...comment(row) };
      table.primaryKey = primaryKey;
      return;
    }
    case "u": {
      const nullsNotDistinct = row.definition?.startsWith("UNIQUE NULLS NOT DISTINCT") === true;
      const unique: UniqueConstraint = {
        name: row.name,
        columns: row.columns,
        ...(nullsNotDistinct ? { nullsNotDistinct } : {}),
        ...deferrable(row),
        ...comment(row),
      };
      table.uniques.push(unique);
      return;
    }
    case "f":
      table.foreignKeys.push(foreignKeyOf(row));
      return;
    case "c": {
      const check: Check = {
        name: row.name,
        expression: row.expression ?? "",
        ...(row.not_valid ? { notValid: true } : {}),
        ...(row.no_inherit ? { noInherit: true } : {}),
        ...comment(row),
      };
      table.checks.push(check);
      return;
    }
    case "x":
      // The IR has no exclusion constraints; they travel as table attributes holding their
      // definition, and no comment (one on an exclusion constraint is not compared).
      table.attrs = { ...(table.attrs ?? {}), [`${TABLE_ATTRS.excludePrefix}${row.name}`]: row.definition ?? "" } as Attrs;
      return;
  }
}

function foreignKeyOf(row: ConstraintRow): ForeignKey {
  const match = row.match === "f" ? "full" : row.match === "p" ? "partial" : undefined;
  return {
    name: row.name,
    columns: row.columns,
    references: { schema: row.ref_schema ?? "", name: row.ref_table ?? "" },
    referencedColumns: row.ref_columns,
    onDelete: ACTIONS[row.on_delete ?? "a"] ?? "no action",
    onUpdate: ACTIONS[row.on_update ?? "a"] ?? "no action",
    ...(match ? { match } : {}),
    ...deferrable(row),
    ...(row.not_valid ? { notValid: true } : {}),
    ...comment(row),
  };
}

function indexOf(row: IndexRow): Index {
  const keys = row.parts.slice(0, row.key_count);
  const include = row.parts.slice(row.key_count).map((part) => part.column ?? part.expression ?? "");
  const index: Mutable<Index> = { name: row.name, unique: row.unique, parts: keys.map(partOf) };
  if (row.where !== null) index.where = row.where;
  if (row.method !== "btree") index.method = row.method;
  if (include.length > 0) index.include = include;
  if (row.nulls_not_distinct) index.nullsNotDistinct = true;
  if (row.comment !== null) index.comment = row.comment;
  if (row.options) index.attrs = { [INDEX_WITH]: row.options };
  return index;
}

function partOf(part: IndexRow["parts"][number]): IndexPart {
  const option = part.option ?? 0;
  // indoption bit 0 is DESC, bit 1 NULLS FIRST; NULLS FIRST is the default only for DESC.
  const descending = (option & 1) !== 0;
  const nullsFirst = (option & 2) !== 0;
  const out: Mutable<IndexPart> = part.column !== null ? { column: part.column } : { expression: part.expression ?? "" };
  if (descending) out.descending = true;
  if (nullsFirst !== descending) out.nulls = nullsFirst ? "first" : "last";
  if (part.collation !== null && (part.column !== null || namesCollation(part.definition ?? "", part.expression ?? ""))) {
    out.collation = part.collation;
  }
  if (part.opclass !== null) out.opclass = part.opclass;
  return out;
}

/** Whether the index definition puts a COLLATE right after this expression part. */
function namesCollation(definition: string, expression: string): boolean {
  const at = definition.indexOf(expression);
  if (at < 0) return true;
  return /^\)?\s*COLLATE /.test(definition.slice(at + expression.length));
}
