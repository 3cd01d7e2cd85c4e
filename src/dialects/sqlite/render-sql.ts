/**
 * The SQL text of SQLite objects: column definitions, CREATE TABLE, CREATE INDEX and
 * CREATE VIEW. Every name goes through quoteIdent; SQL fragments (defaults, checks,
 * expressions, view bodies) are written as the IR holds them.
 */
import { ShaleError } from "../../errors.js";
import type { Column, ForeignKey, Index, IndexPart, Table, View } from "../../schema/types.js";
import { renderType } from "./column-type.js";
import { quoteIdent as q } from "./quote.js";
import { isPunct, tokenize } from "./sql-tokens.js";

/** A SQL fragment in parentheses; a line comment inside it must not swallow the closing one. */
export function parenthesized(sql: string): string {
  return sql.includes("--") ? `(${sql}\n)` : `(${sql})`;
}

/**
 * A DEFAULT clause's value. A single literal or word (42, -1, 'x', X'00', CURRENT_TIMESTAMP)
 * is written bare, as ALTER TABLE ADD COLUMN requires; anything else in parentheses, which
 * SQLite strips again when it reports the default.
 */
export function defaultSql(value: string): string {
  const tokens = tokenize(value);
  const glued = tokens.map((t) => t.text).join("");
  const bare =
    glued === value &&
    (tokens.length === 1 ||
      (tokens.length === 2 && (isPunct(tokens[0], "-") || isPunct(tokens[0], "+") || /^x$/i.test(tokens[0]!.text)) && tokens[1]!.kind !== "punct"));
  return bare ? value : parenthesized(value);
}

/** Whether a default is a constant that ALTER TABLE ADD COLUMN accepts (not CURRENT_*, not an expression). */
export function isConstantDefault(value: string): boolean {
  const tokens = tokenize(value);
  if (defaultSql(value) !== value) return false;
  const last = tokens[tokens.length - 1]!;
  if (last.kind === "string") return true;
  return last.kind === "word" && (/^[0-9.]/.test(last.text) || /^(null|true|false)$/i.test(last.text));
}

/** The single column that carries AUTOINCREMENT inline, if the table has one. */
export function autoincrementColumn(table: Table): Column | undefined {
  const column = table.columns.find((c) => c.identity);
  if (!column) return undefined;
  if (column.identity?.kind !== "auto-increment" || table.primaryKey?.columns.length !== 1 || table.primaryKey.columns[0] !== column.name) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `SQLite cannot generate values for column ${column.name} of table ${table.name} this way.`, {
      hint: "In SQLite only an INTEGER PRIMARY KEY column generates its values (optionally with AUTOINCREMENT); make the column the table's only primary-key column.",
    });
  }
  return column;
}

/** A column definition as it appears in CREATE TABLE and ALTER TABLE ADD COLUMN. */
export function columnSql(column: Column, table: string, autoincrement = false): string {
  const parts = [q(column.name)];
  const type = renderType(column.type, `column ${column.name} of table ${table}`);
  if (type) parts.push(type);
  if (autoincrement) parts.push("PRIMARY KEY AUTOINCREMENT");
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default !== undefined) parts.push(`DEFAULT ${defaultSql(column.default)}`);
  if (column.collation !== undefined) parts.push(`COLLATE ${q(column.collation)}`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS ${parenthesized(column.generated.expression)} ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
  return parts.join(" ");
}

function columnList(columns: readonly string[]): string {
  return `(${columns.map(q).join(", ")})`;
}

/** A FOREIGN KEY table constraint. */
export function foreignKeySql(fk: ForeignKey): string {
  const parts = [`CONSTRAINT ${q(fk.name)} FOREIGN KEY ${columnList(fk.columns)} REFERENCES ${q(fk.references.name)}`];
  if (fk.referencedColumns.length) parts.push(columnList(fk.referencedColumns));
  if (fk.onDelete !== "no action") parts.push(`ON DELETE ${fk.onDelete.toUpperCase()}`);
  if (fk.onUpdate !== "no action") parts.push(`ON UPDATE ${fk.onUpdate.toUpperCase()}`);
  if (fk.initiallyDeferred) parts.push("DEFERRABLE INITIALLY DEFERRED");
  return parts.join(" ");
}

/** CREATE TABLE for `table`, under another name when `name` is given (a rebuild's new table). */
export function createTableSql(table: Table, name = table.name): string {
  if (table.partitioning) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `SQLite has no partitioned tables (table ${table.name}).`, {
      hint: "Remove the partitioning from the SQLite schema.",
    });
  }
  const inline = autoincrementColumn(table);
  const lines = table.columns.map((c) => columnSql(c, table.name, c === inline));
  if (table.primaryKey && !inline) lines.push(`PRIMARY KEY ${columnList(table.primaryKey.columns)}`);
  for (const u of table.uniques) {
    if (u.nullsNotDistinct) throw unsupportedIndex(`NULLS NOT DISTINCT on ${u.name}`);
    lines.push(`CONSTRAINT ${q(u.name)} UNIQUE ${columnList(u.columns)}`);
  }
  for (const fk of table.foreignKeys) lines.push(foreignKeySql(fk));
  for (const c of table.checks) lines.push(`${c.name === undefined ? "" : `CONSTRAINT ${q(c.name)} `}CHECK ${parenthesized(c.expression)}`);
  const options = [table.attrs?.["sqlite.strict"] === true ? "STRICT" : "", table.attrs?.["sqlite.withoutRowid"] === true ? "WITHOUT ROWID" : ""];
  const tail = options.filter(Boolean).join(", ");
  return `CREATE TABLE ${q(name)} (\n  ${lines.join(",\n  ")}\n)${tail ? ` ${tail}` : ""}`;
}

/** CREATE INDEX for an index of `table`. */
export function createIndexSql(table: string, index: Index): string {
  if (index.method || index.include?.length || index.nullsNotDistinct) throw unsupportedIndex(`the options of index ${index.name}`);
  const parts = index.parts.map((p) => indexPartSql(p, index.name)).join(", ");
  const where = index.where === undefined ? "" : ` WHERE ${index.where}`;
  return `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${q(index.name)} ON ${q(table)} (${parts})${where}`;
}

function indexPartSql(part: IndexPart, index: string): string {
  if (part.nulls || part.opclass || part.length !== undefined) throw unsupportedIndex(`a key part of index ${index}`);
  const base = part.column !== undefined ? q(part.column) : part.expression?.includes("--") ? `${part.expression}\n` : (part.expression ?? "");
  const collation = part.collation === undefined ? "" : ` COLLATE ${q(part.collation)}`;
  return `${base}${collation}${part.descending ? " DESC" : ""}`;
}

function unsupportedIndex(what: string): ShaleError {
  return new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `SQLite does not support ${what}.`, {
    hint: "SQLite indexes have columns or expressions with COLLATE and ASC/DESC, and an optional WHERE; remove the other options.",
  });
}

/** CREATE VIEW for a view. */
export function createViewSql(view: View): string {
  if (view.materialized) {
    throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `SQLite has no materialized views (view ${view.name}).`, {
      hint: "Use a plain view or a table filled by triggers.",
    });
  }
  const columns = view.columns?.length ? ` ${columnList(view.columns)}` : "";
  return `CREATE VIEW ${q(view.name)}${columns} AS ${view.definition}`;
}
