/**
 * Builds IR tables from the rows of the inspection queries plus what only the CREATE TABLE
 * text holds. Constraint names SQLite does not keep (an unnamed UNIQUE or FOREIGN KEY) get
 * a name made from the table and columns, so that equal schemas compare equal.
 */
import type { Check, Column, ForeignKey, Index, IndexPart, ReferentialAction, Table, UniqueConstraint } from "../../schema/types.js";
import { parseDeclaredType } from "./column-type.js";
import { parseCreateTable, type ParsedColumn, type ParsedForeignKey, type ParsedTable } from "./parse-create-table.js";
import { parseCreateIndex } from "./parse-statements.js";
import { asciiLower } from "./sql-tokens.js";

/** A row of inspect-columns.sql. */
export interface ColumnRow {
  tbl: string;
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

/** A row of inspect-indexes.sql. */
export interface IndexRow {
  tbl: string;
  idx: string;
  unique: number;
  origin: string;
  cid: number;
  col: string | null;
  desc: number;
  sql: string | null;
}

/** A row of inspect-foreign-keys.sql. */
export interface ForeignKeyRow {
  tbl: string;
  id: number;
  parent: string;
  col: string;
  parent_col: string | null;
  on_update: string;
  on_delete: string;
}

/** Everything read about one table. */
export interface TableRows {
  readonly name: string;
  readonly sql: string;
  readonly withoutRowid: boolean;
  readonly strict: boolean;
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
}

/** Resolves a table name as written in a REFERENCES clause to the table's real name and primary key. */
export interface TableLookup {
  (writtenName: string): { readonly name: string; readonly primaryKey: readonly string[] } | undefined;
}

/** The IR table for one table's rows; `lookup` resolves the parents of its foreign keys. */
export function buildTable(rows: TableRows, lookup: TableLookup): Table {
  const parsed = parseCreateTable(rows.sql);
  const parsedColumns = new Map(parsed.columns.map((c) => [asciiLower(c.name), c]));
  const columns = rows.columns.map((row) => buildColumn(row, parsedColumns.get(asciiLower(row.name))));
  const primaryKey = rows.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const names = new Set<string>();
  const attrs = { ...(rows.strict ? { "sqlite.strict": true } : {}), ...(rows.withoutRowid ? { "sqlite.withoutRowid": true } : {}) };
  return {
    schema: "",
    name: rows.name,
    columns,
    ...(primaryKey.length ? { primaryKey: { columns: primaryKey } } : {}),
    uniques: buildUniques(rows, parsed, names),
    foreignKeys: buildForeignKeys(rows, parsed, lookup, names),
    checks: parsed.checks.map((c): Check => (c.name === undefined ? { expression: c.expression } : { name: c.name, expression: c.expression })),
    indexes: buildIndexes(rows.indexes),
    ...(Object.keys(attrs).length ? { attrs } : {}),
  };
}

function buildColumn(row: ColumnRow, parsed: ParsedColumn | undefined): Column {
  // pragma_table_xinfo: hidden 2 is a VIRTUAL generated column, 3 a STORED one.
  const generated = row.hidden === 2 || row.hidden === 3;
  return {
    name: row.name,
    type: parseDeclaredType(row.type),
    nullable: row.notnull === 0,
    ...(row.dflt_value !== null && !generated ? { default: row.dflt_value } : {}),
    ...(parsed?.autoincrement ? { identity: { kind: "auto-increment" as const } } : {}),
    ...(generated ? { generated: { expression: parsed?.generated?.expression ?? "", stored: row.hidden === 3 } } : {}),
    ...(parsed?.collation !== undefined ? { collation: parsed.collation } : {}),
  };
}

/** The rows of each index, in key order, by index name. */
function groupIndexes(rows: readonly IndexRow[]): Map<string, IndexRow[]> {
  const groups = new Map<string, IndexRow[]>();
  for (const row of rows) {
    const group = groups.get(row.idx);
    if (group) group.push(row);
    else groups.set(row.idx, [row]);
  }
  return groups;
}

function buildUniques(rows: TableRows, parsed: ParsedTable, names: Set<string>): UniqueConstraint[] {
  const written = [...parsed.uniques];
  const out: UniqueConstraint[] = [];
  for (const group of groupIndexes(rows.indexes).values()) {
    if (group[0]!.origin !== "u") continue;
    const columns = group.map((r) => r.col ?? "");
    const key = columns.map(asciiLower).join("\0");
    const at = written.findIndex((u) => u.columns.map(asciiLower).join("\0") === key);
    const name = at >= 0 ? written.splice(at, 1)[0]!.name : undefined;
    out.push({ name: unique(names, name ?? `${rows.name}_${columns.join("_")}_key`), columns });
  }
  return out;
}

function buildIndexes(rows: readonly IndexRow[]): Index[] {
  const out: Index[] = [];
  for (const [name, group] of groupIndexes(rows)) {
    const first = group[0]!;
    if (first.origin !== "c") continue;
    const parsed = parseCreateIndex(first.sql ?? "");
    const parts = group.map((row, i): IndexPart => {
      const written = parsed.parts[i];
      // cid -2 is an expression, -1 the rowid; both are kept as written.
      const part: IndexPart = row.cid >= 0 ? { column: row.col ?? "" } : { expression: written?.expression ?? "" };
      return {
        ...part,
        ...(row.desc ? { descending: true } : {}),
        ...(written?.collation !== undefined ? { collation: written.collation } : {}),
      };
    });
    out.push({ name, unique: first.unique === 1, parts, ...(parsed.where !== undefined ? { where: parsed.where } : {}) });
  }
  return out;
}

function buildForeignKeys(rows: TableRows, parsed: ParsedTable, lookup: TableLookup, names: Set<string>): ForeignKey[] {
  const groups = new Map<number, ForeignKeyRow[]>();
  for (const row of rows.foreignKeys) {
    const group = groups.get(row.id);
    if (group) group.push(row);
    else groups.set(row.id, [row]);
  }
  const written = [...parsed.foreignKeys];
  // pragma_foreign_key_list numbers keys from the last declared one; walk them in declaration order.
  const ids = [...groups.keys()].sort((a, b) => b - a);
  return ids.map((id) => {
    const group = groups.get(id)!;
    const first = group[0]!;
    const parent = lookup(first.parent);
    const columns = group.map((r) => r.col);
    const named = group.every((r) => r.parent_col !== null);
    const referencedColumns = named ? group.map((r) => r.parent_col!) : [...(parent?.primaryKey ?? [])];
    const clause = takeClause(written, columns, first.parent, named ? referencedColumns : undefined);
    return {
      name: unique(names, clause?.name ?? `${rows.name}_${columns.join("_")}_fkey`),
      columns,
      references: { schema: "", name: parent?.name ?? first.parent },
      referencedColumns,
      onDelete: action(first.on_delete),
      onUpdate: action(first.on_update),
      ...(clause?.initiallyDeferred ? { deferrable: true, initiallyDeferred: true } : {}),
    };
  });
}

/** Removes and returns the written clause that matches a pragma key. */
function takeClause(
  written: ParsedForeignKey[],
  columns: readonly string[],
  parent: string,
  referencedColumns: readonly string[] | undefined,
): ParsedForeignKey | undefined {
  const same = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && a.every((x, i) => asciiLower(x) === asciiLower(b[i]!));
  const at = written.findIndex(
    (fk) =>
      same(fk.columns, columns) &&
      asciiLower(fk.table) === asciiLower(parent) &&
      (fk.referencedColumns.length === 0 || referencedColumns === undefined || same(fk.referencedColumns, referencedColumns)),
  );
  return at >= 0 ? written.splice(at, 1)[0] : undefined;
}

function action(text: string): ReferentialAction {
  const value = text.toLowerCase();
  return value === "cascade" || value === "restrict" || value === "set null" || value === "set default" ? value : "no action";
}

/** `name`, or `name_2`, `name_3`... when the table already has a constraint of that name. */
function unique(names: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; names.has(asciiLower(candidate)); n++) candidate = `${name}_${n}`;
  names.add(asciiLower(candidate));
  return candidate;
}
