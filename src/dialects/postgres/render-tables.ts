/** PostgreSQL DDL for tables and their keys, checks and indexes. */
import type { TableAspect } from "../../diff/changes.js";
import type { Attrs, Index, QualifiedName, Table } from "../../schema/types.js";
import { INDEX_WITH, TABLE_ATTRS } from "./inspect-tables.js";
import {
  checkSql,
  columnSql,
  commentSql,
  constraintCommentSql,
  createIndexSql,
  foreignKeySql,
  ident,
  primaryKeySql,
  qname,
  uniqueSql,
  unsupported,
  type Piece,
} from "./render-sql.js";
import { storageOptions, withOptionsSql } from "./sql-values.js";

/** The exclusion constraints a table keeps in its attributes, by name. */
function exclusions(attrs: Attrs | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (key.startsWith(TABLE_ATTRS.excludePrefix)) out.set(key.slice(TABLE_ATTRS.excludePrefix.length), String(value));
  }
  return out;
}

function addConstraint(table: QualifiedName, clause: string): Piece {
  return { sql: `ALTER TABLE ${qname(table)} ADD ${clause}` };
}

/**
 * CREATE TABLE with its columns and the keys and checks that can go inline, then what cannot:
 * NOT VALID constraints (CREATE TABLE would validate them), exclusion constraints, indexes and
 * comments. A partition is created PARTITION OF its parent, which gives it the parent's
 * columns, and gets its own keys with ALTER TABLE.
 */
export function createTable(table: Table): Piece[] {
  const partitionOf = table.partitioning?.of;
  const inline: string[] = [];
  const after: Piece[] = [];
  const place = (clause: string, inlineOk: boolean) => (inlineOk && !partitionOf ? inline.push(clause) : after.push(addConstraint(table, clause)));
  if (table.primaryKey) place(primaryKeySql(table.primaryKey), true);
  for (const unique of table.uniques) place(uniqueSql(unique), true);
  for (const check of table.checks) place(checkSql(check, true), !check.notValid);
  for (const fk of table.foreignKeys) place(foreignKeySql(fk, true), !fk.notValid);
  for (const [name, definition] of exclusions(table.attrs)) after.push(addConstraint(table, `CONSTRAINT ${ident(name)} ${definition}`));
  const unlogged = table.attrs?.[TABLE_ATTRS.unlogged] ? "UNLOGGED " : "";
  const by = table.partitioning?.by ? ` PARTITION BY ${table.partitioning.by}` : "";
  const withSql = withOptionsSql(table.attrs?.[TABLE_ATTRS.with]);
  const head = `CREATE ${unlogged}TABLE ${qname(table)}`;
  const sql = partitionOf
    ? `${head} PARTITION OF ${qname(partitionOf.parent)} ${partitionOf.bound}${by}${withSql}`
    : `${head} (\n${[...table.columns.map(columnSql), ...inline].map((line) => `  ${line}`).join(",\n")}\n)${by}${withSql}`;
  return [
    { sql },
    ...after,
    ...table.indexes.flatMap((index) => createIndex(table, index)),
    ...(table.comment !== undefined ? [{ sql: commentSql("TABLE", qname(table), table.comment) }] : []),
    ...table.columns
      .filter((column) => column.comment !== undefined)
      .map((column) => ({ sql: commentSql("COLUMN", `${qname(table)}.${ident(column.name)}`, column.comment) })),
    ...[...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques, ...table.checks, ...table.foreignKeys].flatMap((c) => constraintComment(table, c)),
  ];
}

/** DROP TABLE. */
export function dropTable(table: QualifiedName): Piece[] {
  return [{ sql: `DROP TABLE ${qname(table)}`, destructive: true }];
}

/** A table moved to another schema and/or renamed. */
export function renameTable(from: QualifiedName, to: QualifiedName): Piece[] {
  const pieces: Piece[] = [];
  if (from.schema !== to.schema) pieces.push({ sql: `ALTER TABLE ${qname(from)} SET SCHEMA ${ident(to.schema)}` });
  if (from.name !== to.name) pieces.push({ sql: `ALTER TABLE ${qname({ schema: to.schema, name: from.name })} RENAME TO ${ident(to.name)}` });
  return pieces;
}

/** CREATE INDEX plus its comment. */
export function createIndex(table: QualifiedName, index: Index): Piece[] {
  const pieces: Piece[] = [{ sql: createIndexSql(table, index) }];
  if (index.comment !== undefined) pieces.push({ sql: commentSql("INDEX", qname({ schema: table.schema, name: index.name }), index.comment) });
  return pieces;
}

/** An index's comment or storage parameters changed; it has no other attributes to change. */
export function alterIndex(table: QualifiedName, from: Index, to: Index): Piece[] {
  const name = qname({ schema: table.schema, name: to.name });
  for (const key of changedKeys(from.attrs, to.attrs)) {
    if (key !== INDEX_WITH) {
      throw unsupported(`change the index attribute ${key} of ${table.schema}.${to.name}`, `Only storage parameters (${INDEX_WITH}) change in place; drop the index and create it again.`);
    }
  }
  const pieces: Piece[] = storageParameters(`ALTER INDEX ${name}`, from.attrs?.[INDEX_WITH], to.attrs?.[INDEX_WITH]);
  if (from.comment !== to.comment) pieces.push({ sql: commentSql("INDEX", name, to.comment) });
  return pieces;
}

/** The attribute keys whose values differ between two attribute sets. */
function changedKeys(from: Attrs | undefined, to: Attrs | undefined): string[] {
  const keys = new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})]);
  return [...keys].filter((key) => from?.[key] !== to?.[key]);
}

/** SET (...) for new or changed storage parameters and RESET (...) for removed ones. */
function storageParameters(prefix: string, from: string | number | boolean | undefined, to: string | number | boolean | undefined): Piece[] {
  const before = storageOptions(from);
  const after = storageOptions(to);
  const reset = [...before.keys()].filter((key) => !after.has(key));
  const set = [...after].filter(([key, value]) => before.get(key) !== value).map(([key, value]) => `${key}=${value}`);
  const pieces: Piece[] = [];
  if (reset.length > 0) pieces.push({ sql: `${prefix} RESET (${reset.join(", ")})` });
  if (set.length > 0) pieces.push({ sql: `${prefix} SET (${set.join(", ")})` });
  return pieces;
}

/**
 * Table-level properties: comment, attributes (logging, storage, exclusions), partition bounds.
 * Each aspect the differ names must lead somewhere; one this renderer does not know is refused.
 */
export function alterTable(from: Table, to: Table, what: readonly TableAspect[]): Piece[] {
  const pieces: Piece[] = [];
  for (const aspect of what) {
    if (aspect === "partitioning") pieces.push(...alterPartitioning(from, to));
    else if (aspect === "attrs") pieces.push(...alterTableAttrs(from, to));
    else if (aspect === "comment") pieces.push(...(from.comment !== to.comment ? [{ sql: commentSql("TABLE", qname(to), to.comment) }] : []));
    else throw unsupported(`change the ${String(aspect)} of table ${to.schema}.${to.name}`, "Recreate the table with the new definition.");
  }
  return pieces;
}

function alterPartitioning(from: Table, to: Table): Piece[] {
  if (from.partitioning?.by !== to.partitioning?.by) {
    throw unsupported(`change how table ${to.schema}.${to.name} is partitioned`, "Create a new partitioned table and move the rows into it.");
  }
  const name = qname(to);
  const fromOf = from.partitioning?.of;
  const toOf = to.partitioning?.of;
  if (JSON.stringify(fromOf) === JSON.stringify(toOf)) return [];
  return [
    ...(fromOf ? [{ sql: `ALTER TABLE ${qname(fromOf.parent)} DETACH PARTITION ${name}` }] : []),
    ...(toOf ? [{ sql: `ALTER TABLE ${qname(toOf.parent)} ATTACH PARTITION ${name} ${toOf.bound}` }] : []),
  ];
}

function alterTableAttrs(from: Table, to: Table): Piece[] {
  const name = qname(to);
  const pieces: Piece[] = [];
  for (const key of changedKeys(from.attrs, to.attrs)) {
    if (key !== TABLE_ATTRS.unlogged && key !== TABLE_ATTRS.with && !key.startsWith(TABLE_ATTRS.excludePrefix)) {
      throw unsupported(`change the table attribute ${key} of ${to.schema}.${to.name}`, "Only PostgreSQL table attributes (postgres.unlogged, postgres.with, exclusion constraints) change here.");
    }
  }
  const wasUnlogged = Boolean(from.attrs?.[TABLE_ATTRS.unlogged]);
  const isUnlogged = Boolean(to.attrs?.[TABLE_ATTRS.unlogged]);
  if (wasUnlogged !== isUnlogged) pieces.push({ sql: `ALTER TABLE ${name} SET ${isUnlogged ? "UNLOGGED" : "LOGGED"}` });
  pieces.push(...storageParameters(`ALTER TABLE ${name}`, from.attrs?.[TABLE_ATTRS.with], to.attrs?.[TABLE_ATTRS.with]));
  const before = exclusions(from.attrs);
  const after = exclusions(to.attrs);
  for (const [constraint, definition] of before) {
    if (after.get(constraint) !== definition) pieces.push({ sql: `ALTER TABLE ${name} DROP CONSTRAINT ${ident(constraint)}` });
  }
  for (const [constraint, definition] of after) {
    if (before.get(constraint) !== definition) pieces.push(addConstraint(to, `CONSTRAINT ${ident(constraint)} ${definition}`));
  }
  return pieces;
}

/** ALTER TABLE ... DROP CONSTRAINT. */
export function dropConstraint(table: QualifiedName, name: string | undefined): Piece[] {
  if (name === undefined) throw unsupported(`drop an unnamed constraint of ${table.schema}.${table.name}`, "Give the constraint a name.");
  return [{ sql: `ALTER TABLE ${qname(table)} DROP CONSTRAINT ${ident(name)}` }];
}

/** ALTER TABLE ... ADD <clause>, then the constraint's comment when it has one. */
export function addTableConstraint(table: QualifiedName, clause: string, constraint: CommentedConstraint): Piece[] {
  return [addConstraint(table, clause), ...constraintComment(table, constraint)];
}

/** What a constraint's comment needs: its name (COMMENT ON CONSTRAINT names it) and the comment. */
interface CommentedConstraint {
  readonly name?: string;
  readonly comment?: string;
}

/** COMMENT ON CONSTRAINT for a new constraint with a comment; nothing without one. */
function constraintComment(table: QualifiedName, constraint: CommentedConstraint): Piece[] {
  return constraint.comment === undefined ? [] : alterConstraintComment(table, constraint.name, constraint.comment);
}

/** COMMENT ON CONSTRAINT (IS NULL when `comment` is undefined); the constraint must have a name to be named by. */
export function alterConstraintComment(table: QualifiedName, name: string | undefined, comment: string | undefined): Piece[] {
  if (name === undefined) {
    throw unsupported(`comment on an unnamed constraint of ${table.schema}.${table.name}`, "Give the constraint a name (CONSTRAINT name ...), so that COMMENT ON CONSTRAINT can refer to it.");
  }
  return [{ sql: constraintCommentSql(table, name, comment) }];
}
