/** PostgreSQL DDL for schemas, extensions, enum types, domains and sequences. */
import type { Column, ColumnType, Domain, EnumType, Extension, Namespace, Schema, Sequence, Table } from "../../schema/types.js";
import { checkSql, collateSql, commentSql, ident, lit, outside, qname, typeSql, unsupported, type Piece } from "./render-sql.js";
import { sqlInteger, sqlTypeName } from "./sql-values.js";

/** CREATE SCHEMA IF NOT EXISTS ("public" exists in every new database) plus its comment. */
export function createNamespace(namespace: Namespace): Piece[] {
  const pieces: Piece[] = [{ sql: `CREATE SCHEMA IF NOT EXISTS ${ident(namespace.name)}` }];
  if (namespace.comment !== undefined) pieces.push({ sql: commentSql("SCHEMA", ident(namespace.name), namespace.comment) });
  return pieces;
}

/** DROP SCHEMA; what it held was dropped by earlier steps, so no CASCADE. */
export function dropNamespace(namespace: Namespace): Piece[] {
  return [{ sql: `DROP SCHEMA ${ident(namespace.name)}`, destructive: true }];
}

/** A schema's comment changed. */
export function alterNamespace(from: Namespace, to: Namespace): Piece[] {
  return from.comment === to.comment ? [] : [{ sql: commentSql("SCHEMA", ident(to.name), to.comment) }];
}

/** CREATE EXTENSION IF NOT EXISTS, in its schema and at its version. */
export function createExtension(extension: Extension): Piece[] {
  const schema = extension.schema !== undefined ? ` WITH SCHEMA ${ident(extension.schema)}` : "";
  const version = extension.version !== undefined ? ` VERSION ${lit(extension.version)}` : "";
  return [{ sql: `CREATE EXTENSION IF NOT EXISTS ${ident(extension.name)}${schema}${version}` }];
}

/** DROP EXTENSION. */
export function dropExtension(extension: Extension): Piece[] {
  return [{ sql: `DROP EXTENSION ${ident(extension.name)}`, destructive: true }];
}

/** An extension moved to another schema or updated to another version. */
export function alterExtension(from: Extension, to: Extension): Piece[] {
  const pieces: Piece[] = [];
  if (from.schema !== to.schema && to.schema !== undefined) pieces.push({ sql: `ALTER EXTENSION ${ident(to.name)} SET SCHEMA ${ident(to.schema)}` });
  if (from.version !== to.version && to.version !== undefined) pieces.push({ sql: `ALTER EXTENSION ${ident(to.name)} UPDATE TO ${lit(to.version)}` });
  return pieces;
}

/** CREATE TYPE ... AS ENUM plus its comment. */
export function createEnum(type: EnumType): Piece[] {
  const pieces: Piece[] = [{ sql: `CREATE TYPE ${qname(type)} AS ENUM (${type.values.map(lit).join(", ")})` }];
  if (type.comment !== undefined) pieces.push({ sql: commentSql("TYPE", qname(type), type.comment) });
  return pieces;
}

/** DROP TYPE. */
export function dropType(type: EnumType | Domain, kind: "TYPE" | "DOMAIN"): Piece[] {
  return [{ sql: `DROP ${kind} ${qname(type)}`, destructive: true }];
}

/** ALTER TYPE ... ADD VALUE for each new label, placed next to a label that already exists. */
export function addEnumValues(from: EnumType, to: EnumType): Piece[] {
  const existing = new Set(from.values);
  const pieces: Piece[] = [];
  to.values.forEach((value, at) => {
    if (existing.has(value)) return;
    const place = at > 0 ? ` AFTER ${lit(to.values[at - 1]!)}` : to.values.length > 1 ? ` BEFORE ${lit(to.values[1]!)}` : "";
    pieces.push({ sql: `ALTER TYPE ${qname(to)} ADD VALUE ${lit(value)}${place}` });
    existing.add(value);
  });
  return pieces;
}

function usesEnum(type: ColumnType, target: EnumType): boolean {
  if (type.kind === "array") return usesEnum(type.element, target);
  return type.kind === "named" && type.schema === target.schema && type.name === target.name;
}

/** A name for the old type while it is replaced, within PostgreSQL's 63-byte limit. */
function oldName(name: string): string {
  const suffix = "__shale_old";
  let base = name;
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1);
  return base + suffix;
}

/**
 * Labels removed or reordered: PostgreSQL cannot change an enum in place, so the old type is
 * renamed, the new one created, every column converted through text, and the old type dropped.
 * Defaults are taken off during the conversion, since they are typed with the old enum.
 */
export function rebuildEnum(from: EnumType, to: EnumType, before: Schema, after: Schema): Piece[] {
  const removed = from.values.some((value) => !to.values.includes(value));
  const old = { schema: from.schema, name: oldName(from.name) };
  const pieces: Piece[] = [
    { sql: `ALTER TYPE ${qname(from)} RENAME TO ${ident(old.name)}`, comment: `rebuilds enum ${to.schema}.${to.name}` },
    { sql: `CREATE TYPE ${qname(to)} AS ENUM (${to.values.map(lit).join(", ")})` },
  ];
  for (const table of before.tables) {
    for (const column of table.columns) {
      if (usesEnum(column.type, from)) pieces.push(...convertColumn(table, column, to, after, removed));
    }
  }
  pieces.push({ sql: `DROP TYPE ${qname(old)}` });
  if (to.comment !== undefined) pieces.push({ sql: commentSql("TYPE", qname(to), to.comment) });
  return pieces;
}

function convertColumn(table: Table, column: Column, to: EnumType, after: Schema, destructive: boolean): Piece[] {
  const alter = `ALTER TABLE ${qname(table)} ALTER COLUMN ${ident(column.name)}`;
  const array = column.type.kind === "array";
  const target = `${qname(to)}${array ? "[]" : ""}`;
  const pieces: Piece[] = [];
  if (column.default !== undefined) pieces.push({ sql: `${alter} DROP DEFAULT` });
  pieces.push({ sql: `${alter} TYPE ${target} USING ${ident(column.name)}::text${array ? "[]" : ""}::${target}`, destructive });
  const next = after.tables.find((t) => t.schema === table.schema && t.name === table.name)?.columns.find((c) => c.name === column.name);
  if (next?.default !== undefined && usesEnum(next.type, to)) pieces.push({ sql: `${alter} SET DEFAULT ${next.default}` });
  return pieces;
}

/** A comment on an enum type changed. */
export function alterEnumComment(to: EnumType): Piece[] {
  return [{ sql: commentSql("TYPE", qname(to), to.comment) }];
}

/** CREATE DOMAIN with its checks; NOT VALID checks are added after, as CREATE would check them. */
export function createDomain(domain: Domain): Piece[] {
  let sql = `CREATE DOMAIN ${qname(domain)} AS ${typeSql(domain.type)}${collateSql(domain.collation)}`;
  if (domain.default !== undefined) sql += ` DEFAULT ${domain.default}`;
  if (!domain.nullable) sql += " NOT NULL";
  for (const check of domain.checks) if (!check.notValid) sql += ` ${checkSql(check, false)}`;
  const pieces: Piece[] = [{ sql }];
  for (const check of domain.checks) if (check.notValid) pieces.push({ sql: `ALTER DOMAIN ${qname(domain)} ADD ${checkSql(check, true)}` });
  if (domain.comment !== undefined) pieces.push({ sql: commentSql("DOMAIN", qname(domain), domain.comment) });
  return pieces;
}

/** A domain's default, nullability, checks or comment changed; its type cannot change in place. */
export function alterDomain(from: Domain, to: Domain): Piece[] {
  if (JSON.stringify(from.type) !== JSON.stringify(to.type) || from.collation !== to.collation) {
    throw unsupported(`change the type or collation of domain ${to.schema}.${to.name}`, "Create a new domain and convert the columns that use it.");
  }
  const alter = `ALTER DOMAIN ${qname(to)}`;
  const pieces: Piece[] = [];
  if (from.default !== to.default) pieces.push({ sql: to.default === undefined ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${to.default}` });
  if (from.nullable !== to.nullable) pieces.push({ sql: `${alter} ${to.nullable ? "DROP" : "SET"} NOT NULL` });
  const after = new Map(to.checks.map((check) => [check.name ?? "", check]));
  const before = new Map(from.checks.map((check) => [check.name ?? "", check]));
  for (const [name, check] of before) {
    if (JSON.stringify(after.get(name)) !== JSON.stringify(check)) pieces.push({ sql: `${alter} DROP CONSTRAINT ${ident(name)}` });
  }
  for (const [name, check] of after) {
    if (JSON.stringify(before.get(name)) !== JSON.stringify(check)) pieces.push({ sql: `${alter} ADD ${checkSql(check, true)}` });
  }
  if (from.comment !== to.comment) pieces.push({ sql: commentSql("DOMAIN", qname(to), to.comment) });
  return pieces;
}

function ownedBySql(sequence: Sequence): string {
  const owner = sequence.ownedBy;
  return `ALTER SEQUENCE ${qname(sequence)} OWNED BY ${owner ? `${qname(owner.table)}.${ident(owner.column)}` : "NONE"}`;
}

/** CREATE SEQUENCE, OWNED BY its column when it has one (the planner puts that after the table). */
export function createSequence(sequence: Sequence): Piece[] {
  const s = checkedSettings(sequence);
  const pieces: Piece[] = [
    {
      sql:
        `CREATE SEQUENCE ${qname(s)} AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} ` +
        `START WITH ${s.start} CACHE ${s.cache}${s.cycle ? " CYCLE" : " NO CYCLE"}`,
    },
  ];
  if (s.comment !== undefined) pieces.push({ sql: commentSql("SEQUENCE", qname(s), s.comment) });
  if (s.ownedBy) pieces.push({ sql: ownedBySql(s) });
  return pieces;
}

/** DROP SEQUENCE IF EXISTS: dropping its owning column or table may have taken it already. */
export function dropSequence(sequence: Sequence): Piece[] {
  return [{ sql: `DROP SEQUENCE IF EXISTS ${qname(sequence)}`, destructive: true }];
}

/** The sequence, once its type and numbers are known to be safe to write into SQL as they are. */
function checkedSettings(sequence: Sequence): Sequence {
  sqlTypeName(sequence.type);
  const what = `setting of sequence ${sequence.schema}.${sequence.name}`;
  for (const value of [sequence.increment, sequence.min, sequence.max, sequence.start, sequence.cache]) sqlInteger(value, what);
  return sequence;
}

/** ALTER SEQUENCE for the settings that changed, and OWNED BY for a new owner or none. */
export function alterSequence(before: Sequence, after: Sequence): Piece[] {
  const from = checkedSettings(before);
  const to = checkedSettings(after);
  const options: string[] = [];
  if (from.type !== to.type) options.push(`AS ${to.type}`);
  if (from.increment !== to.increment) options.push(`INCREMENT BY ${to.increment}`);
  if (from.min !== to.min) options.push(`MINVALUE ${to.min}`);
  if (from.max !== to.max) options.push(`MAXVALUE ${to.max}`);
  if (from.start !== to.start) options.push(`START WITH ${to.start}`);
  if (from.cache !== to.cache) options.push(`CACHE ${to.cache}`);
  if (from.cycle !== to.cycle) options.push(to.cycle ? "CYCLE" : "NO CYCLE");
  if (outside(from.start, to.min, to.max)) options.push(`RESTART WITH ${to.start}`);
  const pieces: Piece[] = options.length > 0 ? [{ sql: `ALTER SEQUENCE ${qname(to)} ${options.join(" ")}` }] : [];
  if (JSON.stringify(from.ownedBy) !== JSON.stringify(to.ownedBy)) pieces.push({ sql: ownedBySql(to) });
  if (from.comment !== to.comment) pieces.push({ sql: commentSql("SEQUENCE", qname(to), to.comment) });
  return pieces;
}
