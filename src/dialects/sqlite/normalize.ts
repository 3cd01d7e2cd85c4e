/**
 * Rewrites a Schema into the form the SQLite inspector reports, so that a schema built by
 * hand (or read from another source) compares equal to the database it describes. What
 * SQLite cannot have at all (enums, sequences, routines, ...) is kept, so that rendering it
 * fails loudly instead of dropping it.
 */
import { compareNames, compareStrings } from "../../schema/names.js";
import type { Attrs, Check, Column, ForeignKey, Index, IndexPart, Schema, Table, Trigger, View } from "../../schema/types.js";
import { normalizeType } from "./column-type.js";
import { viewDependencies } from "./dependencies.js";
import { asciiLower } from "./sql-tokens.js";

const BUILTIN_COLLATIONS = new Set(["binary", "nocase", "rtrim"]);

/** The schema as SQLite would report it: schema "", canonical types and collations, no comments, sorted lists. */
export function normalize(schema: Schema): Schema {
  const tables = new Map(schema.tables.map((t) => [asciiLower(t.name), t]));
  const known = [...schema.tables, ...schema.views].map((o) => o.name);
  return {
    ...schema,
    dialect: "sqlite",
    namespaces: [],
    tables: schema.tables.map((t) => normalizeTable(t, tables)).sort(compareNames),
    views: schema.views.map((v) => normalizeView(v, known)).sort(compareNames),
    triggers: schema.triggers.map(normalizeTrigger).sort(compareNames),
  };
}

/** A collation as SQLite's own names are usually written; custom names stay as they are. */
export function normalizeCollation(name: string): string {
  return BUILTIN_COLLATIONS.has(asciiLower(name)) ? name.toUpperCase() : name;
}

function normalizeTable(table: Table, tables: ReadonlyMap<string, Table>): Table {
  const { comment: _comment, attrs, primaryKey, ...rest } = table;
  const withoutRowid = attrs?.["sqlite.withoutRowid"] === true;
  const keptAttrs = sqliteAttrs(attrs);
  const rowidAlias = !withoutRowid && primaryKey?.columns.length === 1 ? primaryKey.columns[0] : undefined;
  return {
    ...rest,
    schema: "",
    columns: table.columns.map((c) => {
      const inKey = primaryKey?.columns.includes(c.name) ?? false;
      const type = normalizeType(c.type);
      const integer = type.kind === "builtin" && type.name === "integer" && !type.args;
      // A rowid alias and every key column of a WITHOUT ROWID table can never hold NULL.
      return normalizeColumn({ ...c, type }, (withoutRowid && inKey) || (c.name === rowidAlias && integer));
    }),
    ...(primaryKey ? { primaryKey: { columns: primaryKey.columns, ...withComment(primaryKey.comment) } } : {}),
    uniques: table.uniques
      .map((u) => ({ name: u.name, columns: u.columns, ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}), ...withComment(u.comment) }))
      .sort(byName),
    foreignKeys: table.foreignKeys.map((fk) => normalizeForeignKey(fk, tables)).sort(byName),
    checks: table.checks.map(normalizeCheck).sort(compareChecks),
    indexes: table.indexes.map(normalizeIndex).sort(byName),
    ...(keptAttrs ? { attrs: keptAttrs } : {}),
  };
}

function normalizeColumn(column: Column, notNull: boolean): Column {
  const { comment: _comment, attrs, collation, default: value, ...rest } = column;
  const keptAttrs = sqliteAttrs(attrs);
  const kept = collation === undefined ? undefined : normalizeCollation(collation);
  const trimmed = value?.trim();
  return {
    ...rest,
    nullable: notNull ? false : column.nullable,
    // DEFAULT NULL is what a column without a default has anyway.
    ...(trimmed !== undefined && trimmed.toUpperCase() !== "NULL" && !column.generated ? { default: trimmed } : {}),
    // BINARY is every column's collation unless it names another one.
    ...(kept !== undefined && kept !== "BINARY" ? { collation: kept } : {}),
    ...(keptAttrs ? { attrs: keptAttrs } : {}),
  };
}

function normalizeForeignKey(fk: ForeignKey, tables: ReadonlyMap<string, Table>): ForeignKey {
  const parent = tables.get(asciiLower(fk.references.name));
  const referencedColumns = fk.referencedColumns.length ? fk.referencedColumns : (parent?.primaryKey?.columns ?? []);
  return {
    name: fk.name,
    columns: fk.columns,
    references: { schema: "", name: parent?.name ?? fk.references.name },
    referencedColumns,
    onDelete: fk.onDelete,
    onUpdate: fk.onUpdate,
    // Only DEFERRABLE INITIALLY DEFERRED defers a key in SQLite; MATCH is parsed and ignored.
    ...(fk.deferrable && fk.initiallyDeferred ? { deferrable: true, initiallyDeferred: true } : {}),
    ...withComment(fk.comment),
  };
}

function normalizeCheck(check: Check): Check {
  return { ...(check.name === undefined ? {} : { name: check.name }), expression: check.expression.trim(), ...withComment(check.comment) };
}

/**
 * A constraint's comment, kept although SQLite has none (the inspector never reads one): a
 * schema that asks for one gets an alter-constraint-comment that the renderer refuses with
 * SHALE_E_UNSUPPORTED_CHANGE, instead of losing it here.
 */
function withComment(comment: string | undefined): { comment?: string } {
  return comment === undefined ? {} : { comment };
}

function normalizeIndex(index: Index): Index {
  const { comment: _comment, attrs, parts, ...rest } = index;
  const keptAttrs = sqliteAttrs(attrs);
  return {
    ...rest,
    parts: parts.map(normalizePart),
    ...(keptAttrs ? { attrs: keptAttrs } : {}),
  };
}

function normalizePart(part: IndexPart): IndexPart {
  const { collation, descending, ...rest } = part;
  // Unlike a column's, an index part's BINARY is kept: it overrides the column's collation.
  return {
    ...rest,
    ...(descending ? { descending: true } : {}),
    ...(collation !== undefined ? { collation: normalizeCollation(collation) } : {}),
  };
}

function normalizeView(view: View, known: readonly string[]): View {
  const { comment: _comment, attrs, dependsOn: _dependsOn, ...rest } = view;
  const keptAttrs = sqliteAttrs(attrs);
  const dependsOn = viewDependencies(view.definition, known, view.name);
  return {
    ...rest,
    schema: "",
    definition: view.definition.trim(),
    ...(dependsOn.length ? { dependsOn } : {}),
    ...(keptAttrs ? { attrs: keptAttrs } : {}),
  };
}

function normalizeTrigger(trigger: Trigger): Trigger {
  const { routine, ...rest } = trigger;
  return { ...rest, schema: "", table: { schema: "", name: trigger.table.name }, ...(routine ? { routine } : {}) };
}

/** Only "sqlite." attributes mean something here, and a false flag is the same as none. */
function sqliteAttrs(attrs: Attrs | undefined): Attrs | undefined {
  if (!attrs) return undefined;
  const kept = Object.entries(attrs).filter(([key, value]) => key.startsWith("sqlite.") && value !== false);
  return kept.length ? Object.fromEntries(kept.sort(([a], [b]) => compareStrings(a, b))) : undefined;
}

function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return compareStrings(a.name, b.name);
}

function compareChecks(a: Check, b: Check): number {
  return compareStrings(a.name ?? "", b.name ?? "") || compareStrings(a.expression, b.expression);
}
