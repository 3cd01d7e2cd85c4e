/**
 * The SQLite inspector: four queries over sqlite_schema and the pragma table-valued
 * functions, whatever the number of tables, plus parsing of the stored CREATE statements
 * for what no pragma reports. Objects get the schema "" (the connected database), so two
 * database files compare equal whatever their names.
 */
import { readFile } from "node:fs/promises";
import { emptySchema, type Schema, type Table, type Trigger, type View } from "../../schema/types.js";
import type { Connection, InspectOptions } from "../dialect.js";
import { normalize } from "./normalize.js";
import { buildTable, type ColumnRow, type ForeignKeyRow, type IndexRow, type TableLookup } from "./inspect-tables.js";
import { parseCreateView } from "./parse-statements.js";
import { asciiLower } from "./sql-tokens.js";

interface ObjectRow {
  type: "table" | "view" | "index" | "trigger";
  name: string;
  tbl: string;
  sql: string | null;
  table_type: string | null;
  wr: number | null;
  strict: number | null;
}

const QUERY_NAMES = ["inspect-objects", "inspect-columns", "inspect-indexes", "inspect-foreign-keys"] as const;
let queries: Promise<string[]> | undefined;

/** The query texts, read from the .sql files on first use. */
function loadQueries(): Promise<string[]> {
  queries ??= Promise.all(QUERY_NAMES.map((name) => readFile(new URL(`./queries/${name}.sql`, import.meta.url), "utf8")));
  return queries;
}

/** Reads the main database's schema; virtual tables, their shadow tables and SQLite's own tables are left out. */
export async function inspect(conn: Connection, options: InspectOptions = {}): Promise<Schema> {
  const [objectsSql, columnsSql, indexesSql, foreignKeysSql] = await loadQueries();
  const objects = await conn.query<ObjectRow>(objectsSql!);
  const columns = await conn.query<ColumnRow>(columnsSql!);
  const indexes = await conn.query<IndexRow>(indexesSql!);
  const foreignKeys = await conn.query<ForeignKeyRow>(foreignKeysSql!);
  const excluded = new Set(options.excludeTables ?? []);
  const tableRows = objects.filter((o) => o.type === "table" && o.table_type === "table" && !excluded.has(o.name));
  const kept = new Set(tableRows.map((o) => o.name));
  const columnsOf = byTable(columns, kept);
  const indexesOf = byTable(indexes, kept);
  const foreignKeysOf = byTable(foreignKeys, kept);
  const lookup = tableLookup(tableRows.map((o) => o.name), columnsOf);
  const tables: Table[] = tableRows.map((o) =>
    buildTable(
      {
        name: o.name,
        sql: o.sql ?? "",
        withoutRowid: o.wr === 1,
        strict: o.strict === 1,
        columns: columnsOf.get(o.name) ?? [],
        indexes: indexesOf.get(o.name) ?? [],
        foreignKeys: foreignKeysOf.get(o.name) ?? [],
      },
      lookup,
    ),
  );
  // Normalised here too (which also fills in what each view reads), so that what the
  // database reports and the normal form are one thing.
  return normalize({
    ...emptySchema("sqlite"),
    tables,
    views: objects.filter((o) => o.type === "view").map(buildView),
    triggers: objects
      .filter((o) => o.type === "trigger" && !excluded.has(o.tbl))
      .map((o): Trigger => ({ schema: "", name: o.name, table: { schema: "", name: o.tbl }, definition: o.sql ?? "" })),
  });
}

/** The rows of the kept tables, by table name. */
function byTable<R extends { tbl: string }>(rows: readonly R[], kept: ReadonlySet<string>): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    if (!kept.has(row.tbl)) continue;
    const list = map.get(row.tbl);
    if (list) list.push(row);
    else map.set(row.tbl, [row]);
  }
  return map;
}

/** Resolves REFERENCES names the way SQLite does: ASCII case ignored. */
function tableLookup(names: readonly string[], columnsOf: ReadonlyMap<string, readonly ColumnRow[]>): TableLookup {
  const byLower = new Map(names.map((name) => [asciiLower(name), name]));
  return (written) => {
    const name = byLower.get(asciiLower(written));
    if (name === undefined) return undefined;
    const primaryKey = (columnsOf.get(name) ?? [])
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    return { name, primaryKey };
  };
}

function buildView(row: ObjectRow): View {
  const parsed = parseCreateView(row.sql ?? "");
  return {
    schema: "",
    name: row.name,
    definition: parsed.definition,
    materialized: false,
    ...(parsed.columns ? { columns: parsed.columns } : {}),
  };
}
