/**
 * The MySQL/MariaDB inspector: the connected database as IR, with twelve information_schema
 * queries whatever the number of tables. Objects get the schema "" so that two databases
 * with different names compare equal.
 */
import { ShaleError } from "../../errors.js";
import { compareNames } from "../../schema/names.js";
import { emptySchema, type Column, type Schema, type Table } from "../../schema/types.js";
import type { Connection, InspectOptions, Row } from "../dialect.js";
import { columnFromRow, tableHead, type TableHead } from "./inspect-columns.js";
import { checksByTable, foreignKeysByTable, indexesByTable, type InspectedCheck } from "./inspect-keys.js";
import { routinesFromRows, triggerFromRow, viewFromRow } from "./inspect-objects.js";
import { groupBy, runQuery, text, type Server } from "./inspect-rows.js";
import { partitioningByTable } from "./partitions.js";
import { quoteIdent } from "./quote.js";
import { segments } from "./sql-text.js";

/** Reads the connected database into the IR (not yet normalised). */
export async function inspect(conn: Connection, options: InspectOptions = {}): Promise<Schema> {
  const server = await readServer(conn);
  const excluded = new Set(options.excludeTables ?? []);
  const checksQuery = server.mariadb ? "checks-mariadb" : "checks-mysql";
  const names = ["tables", "columns", "indexes", "foreign-keys", "foreign-key-rules", checksQuery, "partitions", "views", "triggers", "routines", "parameters"];
  const [tables, columns, indexes, foreignKeys, foreignKeyRules, checks, partitions, views, triggers, routines, parameters] = await Promise.all(
    names.map((name) => runQuery(conn, `inspect-${name}`)),
  );
  const heads = tables!.map(tableHead).filter((head) => !excluded.has(head.name));
  const known = new Set([...heads.map((head) => head.name), ...views!.map((row) => text(row, "table_name"))]);
  return {
    ...emptySchema("mysql"),
    tables: assembleTables(heads, server, { columns: columns!, indexes: indexes!, foreignKeys: foreignKeys!, foreignKeyRules: foreignKeyRules!, checks: checks!, partitions: partitions! }),
    views: views!.map((row) => viewFromRow(row, server, known)).sort(compareNames),
    triggers: triggers!.filter((row) => !excluded.has(text(row, "table_name"))).map(triggerFromRow).sort(compareNames),
    routines: routinesFromRows(routines!, parameters!, server).sort(compareNames),
  };
}

async function readServer(conn: Connection): Promise<Server> {
  const [row] = await runQuery(conn, "inspect-server");
  const database = row ? text(row, "db") : "";
  if (!database) {
    throw new ShaleError("SHALE_E_USAGE", "The MySQL connection has no database selected, so there is no schema to read.", {
      hint: "Put the database name in the URL: mysql://user@host/database",
    });
  }
  return { mariadb: /mariadb/i.test(text(row!, "version")), database };
}

interface TableRows {
  readonly columns: readonly Row[];
  readonly indexes: readonly Row[];
  readonly foreignKeys: readonly Row[];
  readonly foreignKeyRules: readonly Row[];
  readonly checks: readonly Row[];
  readonly partitions: readonly Row[];
}

function assembleTables(heads: readonly TableHead[], server: Server, rows: TableRows): Table[] {
  const byName = new Map(heads.map((head) => [head.name, head]));
  const columns = groupBy(rows.columns, (row) => text(row, "table_name"));
  const indexes = indexesByTable(rows.indexes, server);
  const foreignKeys = foreignKeysByTable(rows.foreignKeys, rows.foreignKeyRules, server);
  const checks = checksByTable(rows.checks, server);
  const partitioning = partitioningByTable(rows.partitions);
  return heads
    .map((head): Table => {
      const keys = indexes.get(head.name);
      const partitioned = partitioning.get(head.name);
      const [tableColumns, tableChecks] = foldColumnChecks(
        (columns.get(head.name) ?? []).map((row) => columnFromRow(row, byName.get(head.name), server)),
        checks.get(head.name) ?? [],
      );
      return {
        schema: "",
        name: head.name,
        columns: tableColumns,
        ...(keys?.primaryKey ? { primaryKey: keys.primaryKey } : {}),
        uniques: [],
        foreignKeys: foreignKeys.get(head.name) ?? [],
        checks: tableChecks,
        indexes: keys?.indexes ?? [],
        ...(head.comment ? { comment: head.comment } : {}),
        ...(partitioned ? { partitioning: partitioned } : {}),
        attrs: head.attrs,
      };
    })
    .sort(compareNames);
}

/**
 * MariaDB keeps a CHECK written on a column (LEVEL "Column", named after the column) as part
 * of the column: DROP CONSTRAINT cannot remove it, MODIFY COLUMN without it does. So it
 * becomes the column attribute "mariadb.check". JSON is LONGTEXT COLLATE utf8mb4_bin plus such
 * a check, json_valid(`col`); that combination reads back as `json`, which is what the DDL
 * said and what MySQL 8 reports for its native type.
 */
function foldColumnChecks(columns: Column[], checks: readonly InspectedCheck[]): [Column[], InspectedCheck["check"][]] {
  const byColumn = new Map<string, string>();
  const owned = new Set<InspectedCheck>();
  for (const entry of checks) {
    const owner = entry.columnLevel ? checkOwner(entry.check, columns) : undefined;
    if (owner === undefined) continue;
    byColumn.set(owner, entry.check.expression);
    owned.add(entry);
  }
  const folded = columns.map((column): Column => {
    const expression = byColumn.get(column.name);
    if (expression === undefined) return column;
    const isJson = column.type.kind === "builtin" && column.type.name === "longtext" && expression === `json_valid(${quoteIdent(column.name)})`;
    if (!isJson) return { ...column, attrs: { ...column.attrs, "mariadb.check": expression } };
    const { collation: _collation, attrs, ...rest } = column;
    const { ["mysql.charset"]: _charset, ...otherAttrs } = attrs ?? {};
    return { ...rest, type: { kind: "builtin", name: "json" }, ...(Object.keys(otherAttrs).length > 0 ? { attrs: otherAttrs } : {}) };
  });
  const kept = checks.filter((entry) => !owned.has(entry)).map(({ check }) => check);
  return [folded, kept];
}

/**
 * The column a column-level check belongs to: the one it is named after, or, once that column
 * was renamed (MariaDB keeps the old name), the only column its clause refers to.
 */
function checkOwner(check: InspectedCheck["check"], columns: readonly Column[]): string | undefined {
  if (columns.some((c) => c.name === check.name)) return check.name;
  const referenced = new Set(segments(check.expression).filter((part) => part.kind === "ident").map((part) => part.text));
  const candidates = columns.filter((c) => referenced.has(quoteIdent(c.name)));
  return candidates.length === 1 ? candidates[0]!.name : undefined;
}
