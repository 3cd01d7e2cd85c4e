/** PostgreSQL DDL for columns: add, drop, rename, and every aspect of ALTER COLUMN. */
import type { ColumnAspect } from "../../diff/changes.js";
import type { Column, ColumnType, Identity, QualifiedName } from "../../schema/types.js";
import { effectiveIdentity, identityTypeName } from "./identity.js";
import { collateSql, columnSql, commentSql, ident, identitySql, outside, qname, typeSql, unsupported, type Piece } from "./render-sql.js";
import { sqlInteger } from "./sql-values.js";

/** ADD COLUMN plus its comment. */
export function addColumn(table: QualifiedName, column: Column): Piece[] {
  const pieces: Piece[] = [{ sql: `ALTER TABLE ${qname(table)} ADD COLUMN ${columnSql(column)}` }];
  if (column.comment !== undefined) pieces.push({ sql: commentSql("COLUMN", `${qname(table)}.${ident(column.name)}`, column.comment) });
  return pieces;
}

/** DROP COLUMN. */
export function dropColumn(table: QualifiedName, column: Column): Piece[] {
  return [{ sql: `ALTER TABLE ${qname(table)} DROP COLUMN ${ident(column.name)}`, destructive: true }];
}

/** RENAME COLUMN. */
export function renameColumn(table: QualifiedName, from: string, to: string): Piece[] {
  return [{ sql: `ALTER TABLE ${qname(table)} RENAME COLUMN ${ident(from)} TO ${ident(to)}` }];
}

/** The aspects of a column ALTER COLUMN changes here; the others are refused. */
const HANDLED_ASPECTS: ReadonlySet<ColumnAspect> = new Set<ColumnAspect>(["type", "nullable", "default", "identity", "generated", "collation", "comment", "attrs"]);

/**
 * The ALTER COLUMN statements for the aspects that changed, in an order PostgreSQL accepts:
 * what goes away first (identity, generation, default), then the type and nullability, the
 * new default, and last a new identity, which needs NOT NULL and no default.
 */
export function alterColumn(table: QualifiedName, from: Column, to: Column, what: readonly ColumnAspect[]): Piece[] {
  const changed = new Set(what);
  for (const aspect of changed) {
    if (HANDLED_ASPECTS.has(aspect)) continue;
    if (aspect === "position") {
      throw unsupported(`move column ${table.schema}.${table.name}.${to.name} among the table's columns`, "PostgreSQL keeps columns in the order they were added; create the table again to reorder them.");
    }
    throw unsupported(`change the ${String(aspect)} of column ${table.schema}.${table.name}.${to.name}`, "Drop the column and add it again with the new definition.");
  }
  const alter = `ALTER TABLE ${qname(table)} ALTER COLUMN ${ident(to.name)}`;
  const pieces: Piece[] = [];
  const identityChanged = changed.has("identity") && JSON.stringify(from.identity) !== JSON.stringify(to.identity);
  if (identityChanged && from.identity && !to.identity) pieces.push({ sql: `${alter} DROP IDENTITY` });
  if (changed.has("generated")) pieces.push(...alterGenerated(table, alter, from, to));
  const defaultChanged = changed.has("default") && from.default !== to.default;
  if (defaultChanged && from.default !== undefined) pieces.push({ sql: `${alter} DROP DEFAULT` });
  if (changed.has("type") || changed.has("collation")) pieces.push({ sql: alterType(alter, from, to) });
  if (changed.has("nullable") && from.nullable !== to.nullable) pieces.push({ sql: `${alter} ${to.nullable ? "DROP" : "SET"} NOT NULL` });
  if (defaultChanged && to.default !== undefined) pieces.push({ sql: `${alter} SET DEFAULT ${to.default}` });
  if (identityChanged && to.identity) pieces.push({ sql: `${alter} ${setIdentity(from.identity, to.identity, to.type)}` });
  if (changed.has("comment") && from.comment !== to.comment) {
    pieces.push({ sql: commentSql("COLUMN", `${qname(table)}.${ident(to.name)}`, to.comment) });
  }
  if (changed.has("attrs") && JSON.stringify(from.attrs ?? {}) !== JSON.stringify(to.attrs ?? {})) {
    throw unsupported(`change the attributes of column ${to.name}`, "PostgreSQL columns have no dialect attributes.");
  }
  return pieces;
}

/**
 * TYPE with USING, so values convert wherever a cast exists. A user-defined type (an enum) on
 * either side converts through text, as enums have no casts between them; generated columns
 * take no USING.
 */
function alterType(alter: string, from: Column, to: Column): string {
  const type = typeSql(to.type);
  const array = to.type.kind === "array";
  const viaText = (isNamed(from.type) || isNamed(to.type)) && JSON.stringify(from.type) !== JSON.stringify(to.type);
  const cast = viaText ? `::text${array ? "[]" : ""}::${type}` : `::${type}`;
  const using = to.generated ? "" : ` USING ${ident(to.name)}${cast}`;
  // COLLATE "default" is how a column goes back to its type's own collation.
  const collate = to.collation !== undefined ? collateSql(to.collation) : from.collation !== undefined ? ` COLLATE "default"` : "";
  return `${alter} TYPE ${type}${collate}${using}`;
}

function isNamed(type: ColumnType): boolean {
  return type.kind === "named" || (type.kind === "array" && isNamed(type.element));
}

function alterGenerated(table: QualifiedName, alter: string, from: Column, to: Column): Piece[] {
  if (from.generated && !to.generated) return [{ sql: `${alter} DROP EXPRESSION` }];
  if (JSON.stringify(from.generated) === JSON.stringify(to.generated)) return [];
  throw unsupported(
    `make column ${table.schema}.${table.name}.${to.name} generated or change its expression in place`,
    "Drop the column and add it again with the new expression (PostgreSQL 17 can ALTER COLUMN ... SET EXPRESSION).",
  );
}

/**
 * ADD GENERATED ... AS IDENTITY, or SET GENERATED plus every sequence option of an existing
 * identity: an option left out of ALTER would keep its old value instead of the default.
 * The current value is restarted only when the old start lies outside the new bounds, which
 * PostgreSQL would refuse; otherwise existing keys are never handed out again.
 */
function setIdentity(from: Identity | undefined, to: Identity, type: ColumnType): string {
  if (to.kind === "auto-increment") return identitySql(to);
  if (!from || from.kind === "auto-increment") return `ADD ${identitySql(to)}`;
  const typeName = identityTypeName(type);
  const before = effectiveIdentity(from, typeName);
  const after = effectiveIdentity(to, typeName);
  const n = (value: string, what: string): string => sqlInteger(value, `identity ${what}`);
  const sets = [
    ...(from.kind !== to.kind ? [`SET GENERATED ${to.kind === "always" ? "ALWAYS" : "BY DEFAULT"}`] : []),
    `SET INCREMENT BY ${n(after.increment, "increment")}`,
    to.min !== undefined ? `SET MINVALUE ${n(to.min, "minimum")}` : "SET NO MINVALUE",
    to.max !== undefined ? `SET MAXVALUE ${n(to.max, "maximum")}` : "SET NO MAXVALUE",
    `SET START WITH ${n(after.start, "start")}`,
    `SET CACHE ${n(after.cache, "cache")}`,
    after.cycle ? "SET CYCLE" : "SET NO CYCLE",
    ...(outside(before.start, after.min, after.max) ? [`RESTART WITH ${after.start}`] : []),
  ];
  return sets.join(" ");
}
