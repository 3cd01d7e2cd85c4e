/**
 * Keys, indexes, foreign keys and checks from information_schema.STATISTICS,
 * KEY_COLUMN_USAGE with REFERENTIAL_CONSTRAINTS, and CHECK_CONSTRAINTS.
 *
 * MySQL makes no difference between a UNIQUE constraint and a unique index (both are an
 * index), so every UNIQUE is an Index with unique=true and Table.uniques stays empty.
 */
import type { Check, ForeignKey, Index, IndexPart, PrimaryKey, ReferentialAction } from "../../schema/types.js";
import type { Row } from "../dialect.js";
import { field, groupBy, text, type Server } from "./inspect-rows.js";
import { stripOuterParens, unescapeCatalogText } from "./sql-text.js";

/** A table's primary key and indexes. */
interface TableIndexes {
  primaryKey?: PrimaryKey;
  indexes: Index[];
}

/** A check together with where MariaDB says it was declared. */
export interface InspectedCheck {
  readonly check: Check;
  /** MariaDB: declared on a column (its name is then the column's). */
  readonly columnLevel: boolean;
}

const METHODS: Record<string, string> = { FULLTEXT: "fulltext", SPATIAL: "spatial", RTREE: "spatial", HASH: "hash" };

/** Indexes and primary keys by table name, from STATISTICS rows in key order. */
export function indexesByTable(rows: readonly Row[], server: Server): Map<string, TableIndexes> {
  const out = new Map<string, TableIndexes>();
  for (const [, parts] of groupBy(rows, (row) => JSON.stringify([text(row, "table_name"), text(row, "index_name")]))) {
    const first = parts[0]!;
    const table = text(first, "table_name");
    const entry = out.get(table) ?? { indexes: [] };
    out.set(table, entry);
    const name = text(first, "index_name");
    if (name === "PRIMARY") {
      entry.primaryKey = { columns: parts.map((row) => text(row, "column_name")) };
      continue;
    }
    entry.indexes.push(indexFromRows(name, parts, server));
  }
  return out;
}

function indexFromRows(name: string, rows: readonly Row[], server: Server): Index {
  const first = rows[0]!;
  const method = METHODS[text(first, "index_type").toUpperCase()];
  const attrs: Record<string, boolean> = {};
  if (text(first, "ignored").toUpperCase() === "YES") attrs["mariadb.ignored"] = true;
  if (text(first, "is_visible").toUpperCase() === "NO") attrs["mysql.invisible"] = true;
  const comment = text(first, "index_comment");
  return {
    name,
    unique: text(first, "non_unique") === "0",
    parts: rows.map((row) => indexPart(row, method, server)),
    ...(method ? { method } : {}),
    ...(comment ? { comment } : {}),
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
  };
}

function indexPart(row: Row, method: string | undefined, server: Server): IndexPart {
  const column = field(row, "column_name");
  const expression = field(row, "expression");
  const length = field(row, "sub_part");
  return {
    ...(column ? { column } : {}),
    ...(!column && expression ? { expression: stripOuterParens(server.mariadb ? expression : unescapeCatalogText(expression)) } : {}),
    ...(text(row, "collation") === "D" ? { descending: true } : {}),
    // MariaDB reports a SUB_PART of 32 on spatial indexes, which no DDL can state.
    ...(length && method !== "spatial" && method !== "fulltext" ? { length: Number(length) } : {}),
  };
}

const ACTIONS: Record<string, ReferentialAction> = {
  CASCADE: "cascade",
  "SET NULL": "set null",
  "SET DEFAULT": "set default",
  RESTRICT: "restrict",
  "NO ACTION": "no action",
};

/** Foreign keys by table name; a key to another database keeps that database as schema. */
export function foreignKeysByTable(rows: readonly Row[], ruleRows: readonly Row[], server: Server): Map<string, ForeignKey[]> {
  const keyOf = (row: Row) => JSON.stringify([text(row, "table_name"), text(row, "name")]);
  const rules = new Map(ruleRows.map((row) => [keyOf(row), row]));
  const out = new Map<string, ForeignKey[]>();
  for (const [id, parts] of groupBy(rows, keyOf)) {
    const first = parts[0]!;
    const rule = rules.get(id) ?? {};
    const schema = text(first, "referenced_schema");
    const key: ForeignKey = {
      name: text(first, "name"),
      columns: parts.map((row) => text(row, "column_name")),
      references: { schema: schema === server.database ? "" : schema, name: text(first, "referenced_table") },
      referencedColumns: parts.map((row) => text(row, "referenced_column")),
      onDelete: ACTIONS[text(rule, "delete_rule").toUpperCase()] ?? "no action",
      onUpdate: ACTIONS[text(rule, "update_rule").toUpperCase()] ?? "no action",
    };
    const table = text(first, "table_name");
    out.set(table, [...(out.get(table) ?? []), key]);
  }
  return out;
}

/** Checks by table name. */
export function checksByTable(rows: readonly Row[], server: Server): Map<string, InspectedCheck[]> {
  const out = new Map<string, InspectedCheck[]>();
  for (const row of rows) {
    const table = text(row, "owner_table");
    const clause = text(row, "check_clause");
    const check: Check = {
      name: text(row, "constraint_name"),
      expression: stripOuterParens(server.mariadb ? clause : unescapeCatalogText(clause)),
    };
    out.set(table, [...(out.get(table) ?? []), { check, columnLevel: text(row, "level").toLowerCase() === "column" }]);
  }
  return out;
}
