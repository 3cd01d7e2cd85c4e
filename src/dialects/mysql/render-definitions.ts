/**
 * The SQL definitions of table parts — columns, indexes, keys, checks, table options — shared
 * by CREATE TABLE and ALTER TABLE. Every name goes through quoteIdent, every text through
 * stringLiteral (see render.ts for NO_BACKSLASH_ESCAPES), every option word through optionWord.
 */
import { ShaleError } from "../../errors.js";
import type { Check, Column, ForeignKey, Index, IndexPart, QualifiedName, ReferentialAction, Table } from "../../schema/types.js";
import { renderColumnType } from "./column-types.js";
import { canonicalNow, isLiteralDefault } from "./defaults.js";
import { rejectPartitionOf } from "./partitions.js";
import { quoteIdent } from "./quote.js";
import { isParenthesised, stringLiteral } from "./sql-text.js";

/** A name as SQL: the connected database's objects (schema "") unqualified. */
export function qualified(name: QualifiedName): string {
  return name.schema === "" ? quoteIdent(name.name) : `${quoteIdent(name.schema)}.${quoteIdent(name.name)}`;
}

/** A parenthesised list of quoted column names. */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(", ")})`;
}

/** A default as DDL: literals as they are, any other expression in parentheses (MySQL 8 requires them). */
function defaultSql(sql: string): string {
  return isLiteralDefault(sql) || isParenthesised(sql) ? sql : `(${sql})`;
}

/** The full definition of a column, as CREATE TABLE and MODIFY COLUMN take it. */
export function columnDefinition(column: Column): string {
  const parts = [quoteIdent(column.name), renderColumnType(column.type)];
  const charset = column.attrs?.["mysql.charset"];
  if (charset !== undefined) parts.push(`CHARACTER SET ${optionWord(charset, "character set")}`);
  if (column.collation) parts.push(`COLLATE ${optionWord(column.collation, "collation")}`);
  if (column.generated) {
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
    // MariaDB accepts no NULL/NOT NULL on a generated column; MySQL 8 accepts NOT NULL.
    if (!column.nullable) parts.push("NOT NULL");
  } else {
    parts.push(column.nullable ? "NULL" : "NOT NULL");
    if (column.default !== undefined) parts.push(`DEFAULT ${defaultSql(column.default)}`);
    const onUpdate = column.attrs?.["mysql.onUpdate"];
    if (onUpdate !== undefined) parts.push(`ON UPDATE ${onUpdateSql(onUpdate, column.name)}`);
    if (column.identity) parts.push("AUTO_INCREMENT");
  }
  if (column.attrs?.["mysql.invisible"] === true) parts.push("INVISIBLE");
  if (column.comment) parts.push(`COMMENT ${stringLiteral(column.comment)}`);
  const check = column.attrs?.["mariadb.check"];
  if (typeof check === "string") parts.push(`CHECK (${check})`);
  return parts.join(" ");
}

/** ON UPDATE takes only the current time (MySQL and MariaDB accept no other expression there). */
function onUpdateSql(value: unknown, column: string): string {
  const now = typeof value === "string" ? canonicalNow(value) : undefined;
  if (now !== undefined) return now;
  throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `Not a valid ON UPDATE for column ${column}: ${JSON.stringify(value)}.`, {
    hint: "MySQL accepts only ON UPDATE CURRENT_TIMESTAMP, optionally with a precision: current_timestamp(6).",
  });
}

function indexPart(part: IndexPart): string {
  const target = part.expression !== undefined ? `(${part.expression})` : `${quoteIdent(part.column ?? "")}${part.length !== undefined ? `(${part.length})` : ""}`;
  return part.descending ? `${target} DESC` : target;
}

/** An index as `[UNIQUE|FULLTEXT|SPATIAL] KEY name (parts) [USING m] [COMMENT] [visibility]`. */
export function indexDefinition(index: Index): string {
  if (index.method && !["hash", "btree", "fulltext", "spatial"].includes(index.method)) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no index method "${index.method}" (index ${index.name}).`, {
      hint: "MySQL index methods are BTREE, HASH, FULLTEXT and SPATIAL.",
    });
  }
  if (index.where !== undefined || (index.include ?? []).length > 0 || index.nullsNotDistinct) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no partial indexes, INCLUDE columns or NULLS NOT DISTINCT (index ${index.name}).`, {
      hint: "Index a generated column instead of a predicate, or drop the clause.",
    });
  }
  const kind = index.unique ? "UNIQUE KEY" : index.method === "fulltext" ? "FULLTEXT KEY" : index.method === "spatial" ? "SPATIAL KEY" : "KEY";
  const parts = [`${kind} ${quoteIdent(index.name)} (${index.parts.map(indexPart).join(", ")})`];
  if (index.method === "hash" || index.method === "btree") parts.push(`USING ${index.method.toUpperCase()}`);
  if (index.comment) parts.push(`COMMENT ${stringLiteral(index.comment)}`);
  const visibility = indexVisibility(index);
  if (visibility) parts.push(visibility);
  return parts.join(" ");
}

/**
 * The keyword that hides an index from the optimizer: MariaDB 10.6+ calls it IGNORED, MySQL 8
 * INVISIBLE; the attribute says which server the schema came from.
 */
export function indexVisibility(index: Index): string | undefined {
  if (index.attrs?.["mariadb.ignored"] === true) return "IGNORED";
  if (index.attrs?.["mysql.invisible"] === true) return "INVISIBLE";
  return undefined;
}

const ACTIONS: Record<ReferentialAction, string> = {
  "no action": "NO ACTION",
  restrict: "RESTRICT",
  cascade: "CASCADE",
  "set null": "SET NULL",
  "set default": "SET DEFAULT",
};

/** A foreign key as `CONSTRAINT name FOREIGN KEY (...) REFERENCES t (...) [ON DELETE ...]`. */
export function foreignKeyDefinition(key: ForeignKey): string {
  if (key.deferrable || key.initiallyDeferred) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no deferrable foreign keys (${key.name}).`, {
      hint: "MySQL checks foreign keys per statement; drop DEFERRABLE.",
    });
  }
  const parts = [`CONSTRAINT ${quoteIdent(key.name)} FOREIGN KEY ${columnList(key.columns)} REFERENCES ${qualified(key.references)} ${columnList(key.referencedColumns)}`];
  if (key.onDelete !== "no action") parts.push(`ON DELETE ${ACTIONS[key.onDelete]}`);
  if (key.onUpdate !== "no action") parts.push(`ON UPDATE ${ACTIONS[key.onUpdate]}`);
  return parts.join(" ");
}

/** A check as `CONSTRAINT name CHECK (expr)`. */
export function checkDefinition(check: Check): string {
  return `${check.name ? `CONSTRAINT ${quoteIdent(check.name)} ` : ""}CHECK (${check.expression})`;
}

/** A table option value, checked to be a plain word so it can be written bare after `ENGINE=`. */
export function optionWord(value: unknown, what: string): string {
  const word = String(value);
  if (!/^[A-Za-z0-9_]+$/.test(word)) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `Not a valid MySQL ${what}: ${JSON.stringify(word)}.`, {
      hint: `A ${what} is a plain word such as InnoDB or utf8mb4_general_ci.`,
    });
  }
  return word;
}

/** The table options a CREATE TABLE ends with: engine, character set, collation, row format, comment. */
function tableOptions(table: Table): string[] {
  const attrs = table.attrs ?? {};
  const options: string[] = [];
  if (attrs["mysql.engine"] !== undefined) options.push(`ENGINE=${optionWord(attrs["mysql.engine"], "storage engine")}`);
  options.push(...charsetOptions(table));
  if (attrs["mysql.rowFormat"] !== undefined) options.push(`ROW_FORMAT=${optionWord(attrs["mysql.rowFormat"], "row format")}`);
  if (table.comment) options.push(`COMMENT=${stringLiteral(table.comment)}`);
  return options;
}

/** `DEFAULT CHARSET=... COLLATE=...` for a table, as far as its attributes say. */
export function charsetOptions(table: Table): string[] {
  const attrs = table.attrs ?? {};
  const options: string[] = [];
  if (attrs["mysql.charset"] !== undefined) options.push(`DEFAULT CHARSET=${optionWord(attrs["mysql.charset"], "character set")}`);
  if (attrs["mysql.collation"] !== undefined) options.push(`COLLATE=${optionWord(attrs["mysql.collation"], "collation")}`);
  return options;
}

/** CREATE TABLE with every part inline: columns, primary key, indexes, checks, foreign keys, partitioning. */
export function createTableSql(table: Table): string {
  rejectPartitionOf(table);
  const lines = [
    ...table.columns.map(columnDefinition),
    ...(table.primaryKey ? [`PRIMARY KEY ${columnList(table.primaryKey.columns)}`] : []),
    ...table.uniques.map((u) => `UNIQUE KEY ${quoteIdent(u.name)} ${columnList(u.columns)}`),
    ...table.indexes.map(indexDefinition),
    ...table.checks.map(checkDefinition),
    ...table.foreignKeys.map(foreignKeyDefinition),
  ];
  const options = tableOptions(table);
  const partitioning = table.partitioning?.by ? `\nPARTITION BY ${table.partitioning.by}` : "";
  return `CREATE TABLE ${qualified(table)} (\n  ${lines.join(",\n  ")}\n)${options.length > 0 ? ` ${options.join(" ")}` : ""}${partitioning}`;
}
