/**
 * The MySQL normalizer: rewrites a Schema (inspected, or built by hand) into the one form a
 * MySQL/MariaDB server reports, so that equal schemas compare equal.
 *
 * - Types: canonical names (column-types.ts); defaults: MariaDB's printed form (defaults.ts).
 * - Collation and character set of a column only where they differ from the table's.
 * - UNIQUE constraints become unique indexes (MySQL has only the index).
 * - A primary key has no name and its columns are NOT NULL.
 * - RESTRICT and NO ACTION are one rule in InnoDB (MariaDB prints RESTRICT for both): "no action".
 * - A foreign key without an index starting with its columns gets the index MySQL creates
 *   for it, named after the key, so a schema that leaves it out compares equal to the server.
 * - Expressions lose character set introducers and outer parentheses (MySQL 8 prints both).
 * - MariaDB's column-level checks live on their column ("mariadb.check"), see inspect.ts.
 * - Partitioning is the PARTITION BY body in one canonical text (partitions.ts).
 */
import { compareStrings, sortByName } from "../../schema/names.js";
import type { Attrs, Check, Column, ForeignKey, Index, IndexPart, Partitioning, Routine, Schema, Table, Trigger, View } from "../../schema/types.js";
import { canonicalType, charsetOf, isCharacterType } from "./column-types.js";
import { canonicalDefault, canonicalNow } from "./defaults.js";
import { canonicalPartitionBy } from "./partitions.js";
import { stripIntroducers, stripOuterParens } from "./sql-text.js";

/** Rewrites a schema into the form MySQL reports. */
export function normalize(schema: Schema): Schema {
  return {
    ...schema,
    namespaces: schema.namespaces.filter((ns) => ns.name !== ""),
    tables: sortByName(schema.tables.map(normalizeTable)),
    views: sortByName(schema.views.map(normalizeView)),
    routines: sortByName(schema.routines.map((r): Routine => ({ ...r, definition: r.definition.trim() }))),
    triggers: sortByName(schema.triggers.map((t): Trigger => ({ ...t, definition: t.definition.trim() }))),
  };
}

/** An SQL expression without what MySQL 8 adds when printing it. */
function canonicalExpression(sql: string): string {
  return stripOuterParens(stripIntroducers(sql.trim()));
}

const ENGINES: Record<string, string> = { innodb: "InnoDB", myisam: "MyISAM", memory: "MEMORY", aria: "Aria", csv: "CSV", archive: "ARCHIVE", blackhole: "BLACKHOLE" };

function normalizeTable(table: Table): Table {
  const collation = table.attrs?.["mysql.collation"];
  const tableCollation = typeof collation === "string" ? collation : undefined;
  const attrs: Record<string, string | number | boolean> = { ...table.attrs };
  if (tableCollation) attrs["mysql.charset"] = charsetOf(tableCollation);
  const engine = attrs["mysql.engine"];
  if (typeof engine === "string") attrs["mysql.engine"] = ENGINES[engine.toLowerCase()] ?? engine;
  const pkColumns = new Set(table.primaryKey?.columns ?? []);
  const context = { collation: tableCollation, charset: typeof attrs["mysql.charset"] === "string" ? attrs["mysql.charset"] : undefined, pkColumns };
  // A UNIQUE constraint's comment is its index's COMMENT, which is how MySQL reports it.
  const uniques: Index[] = table.uniques.map((u) => ({
    name: u.name,
    unique: true,
    parts: u.columns.map((column) => ({ column })),
    ...(u.comment !== undefined ? { comment: u.comment } : {}),
  }));
  const indexes = [...table.indexes, ...uniques].map(normalizeIndex);
  const foreignKeys = sortParts(table.foreignKeys.map(normalizeForeignKey));
  const { comment, partitioning, primaryKey, ...rest } = table;
  return {
    ...rest,
    columns: table.columns.map((column) => normalizeColumn(column, context)),
    // The inspector reads no comment on a primary key, foreign key, check or trigger: one kept
    // here becomes a comment change that the renderer refuses, rather than vanishing.
    ...(primaryKey ? { primaryKey: { columns: primaryKey.columns, ...(primaryKey.comment !== undefined ? { comment: primaryKey.comment } : {}) } } : {}),
    uniques: [],
    foreignKeys,
    checks: sortChecks(table.checks.map((check): Check => ({ ...check, expression: canonicalExpression(check.expression) }))),
    indexes: sortParts([...indexes, ...implicitForeignKeyIndexes(foreignKeys, indexes, primaryKey?.columns)]),
    ...(comment ? { comment } : {}),
    ...(partitioning ? { partitioning: normalizePartitioning(partitioning) } : {}),
    attrs: sortAttrs(attrs),
  };
}

function normalizePartitioning(partitioning: Partitioning): Partitioning {
  const { by, of } = partitioning;
  return { ...(by !== undefined ? { by: canonicalPartitionBy(by) } : {}), ...(of ? { of } : {}) };
}

interface ColumnContext {
  readonly collation: string | undefined;
  readonly charset: string | undefined;
  readonly pkColumns: ReadonlySet<string>;
}

function normalizeColumn(column: Column, table: ColumnContext): Column {
  const type = canonicalType(column.type);
  const textual = isCharacterType(type);
  const { default: given, identity, generated, collation, comment, attrs: givenAttrs, ...rest } = column;
  const attrs: Record<string, string | number | boolean> = { ...givenAttrs };
  const keepCollation = textual && collation !== undefined && collation !== table.collation;
  if (keepCollation && charsetOf(collation) !== table.charset) attrs["mysql.charset"] = charsetOf(collation);
  else if (!textual || keepCollation || attrs["mysql.charset"] === table.charset) delete attrs["mysql.charset"];
  const onUpdate = attrs["mysql.onUpdate"];
  if (typeof onUpdate === "string") attrs["mysql.onUpdate"] = canonicalNow(onUpdate) ?? onUpdate;
  if (attrs["mysql.invisible"] !== true) delete attrs["mysql.invisible"];
  const check = attrs["mariadb.check"];
  if (typeof check === "string") attrs["mariadb.check"] = canonicalExpression(check);
  const defaultValue = generated || identity ? undefined : canonicalDefault(given, type);
  return {
    ...rest,
    type,
    nullable: table.pkColumns.has(column.name) ? false : column.nullable,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(identity ? { identity: { kind: "auto-increment" as const } } : {}),
    ...(generated ? { generated: { expression: canonicalExpression(generated.expression), stored: generated.stored } } : {}),
    ...(keepCollation ? { collation } : {}),
    ...(comment ? { comment } : {}),
    ...(Object.keys(attrs).length > 0 ? { attrs: sortAttrs(attrs) } : {}),
  };
}

function normalizeIndex(index: Index): Index {
  const method = index.method?.toLowerCase();
  const keepMethod = method && method !== "btree" ? method : undefined;
  const parts = index.parts.map((part): IndexPart => {
    const { expression, descending, length, column } = part;
    return {
      ...(column !== undefined ? { column } : {}),
      ...(expression !== undefined ? { expression: canonicalExpression(expression) } : {}),
      ...(descending ? { descending: true } : {}),
      ...(length !== undefined && keepMethod !== "fulltext" && keepMethod !== "spatial" ? { length } : {}),
    };
  });
  const attrs = Object.fromEntries(Object.entries(index.attrs ?? {}).filter(([, value]) => value !== false));
  return {
    name: index.name,
    unique: index.unique,
    parts,
    ...(keepMethod ? { method: keepMethod } : {}),
    ...(index.comment ? { comment: index.comment } : {}),
    ...(Object.keys(attrs).length > 0 ? { attrs: sortAttrs(attrs) } : {}),
  };
}

function normalizeForeignKey(key: ForeignKey): ForeignKey {
  const action = (rule: ForeignKey["onDelete"]) => (rule === "restrict" ? "no action" : rule);
  return {
    name: key.name,
    columns: key.columns,
    references: key.references,
    referencedColumns: key.referencedColumns,
    onDelete: action(key.onDelete),
    onUpdate: action(key.onUpdate),
    ...(key.comment !== undefined ? { comment: key.comment } : {}),
  };
}

/** The indexes MySQL adds for foreign keys that no index (or the primary key) starts with. */
function implicitForeignKeyIndexes(keys: readonly ForeignKey[], indexes: readonly Index[], primaryKey: readonly string[] | undefined): Index[] {
  const leading = indexes
    .filter((index) => index.method !== "fulltext" && index.method !== "spatial")
    .map((index) => index.parts.map((part) => (part.column !== undefined && part.length === undefined ? part.column : undefined)));
  if (primaryKey) leading.push([...primaryKey]);
  const names = new Set(indexes.map((index) => index.name));
  const added: Index[] = [];
  for (const key of keys) {
    const covered = leading.some((columns) => key.columns.every((column, i) => columns[i] === column));
    if (covered || names.has(key.name)) continue;
    const index: Index = { name: key.name, unique: false, parts: key.columns.map((column) => ({ column })) };
    added.push(index);
    leading.push([...key.columns]);
    names.add(key.name);
  }
  return added;
}

function normalizeView(view: View): View {
  const attrs = { ...view.attrs };
  if (attrs["mysql.algorithm"] === "UNDEFINED") delete attrs["mysql.algorithm"];
  if (attrs["mysql.security"] === "DEFINER") delete attrs["mysql.security"];
  const { attrs: _attrs, ...rest } = view;
  return { ...rest, definition: view.definition.trim(), ...(Object.keys(attrs).length > 0 ? { attrs: sortAttrs(attrs) } : {}) };
}

function sortParts<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareStrings(a.name, b.name));
}

function sortChecks(checks: Check[]): Check[] {
  return checks.sort((a, b) => compareStrings(a.name ?? "", b.name ?? "") || compareStrings(a.expression, b.expression));
}

function sortAttrs(attrs: Attrs): Attrs {
  return Object.fromEntries(Object.entries(attrs).sort(([a], [b]) => compareStrings(a, b)));
}
