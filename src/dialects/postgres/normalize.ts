/**
 * Rewrites a PostgreSQL Schema into the form the server reports, so that equal schemas compare
 * equal whether they were inspected or built by hand: canonical type names, default-valued
 * options left out, definitions trimmed, every list sorted and every object's keys in one order.
 */
import { compareNames, compareStrings } from "../../schema/names.js";
import type {
  Check,
  Column,
  ColumnType,
  Domain,
  EnumType,
  Extension,
  ForeignKey,
  Identity,
  Index,
  IndexPart,
  Namespace,
  PrimaryKey,
  QualifiedName,
  Routine,
  Schema,
  Sequence,
  Table,
  Trigger,
  UniqueConstraint,
  View,
} from "../../schema/types.js";
import { identityTypeName, minimalIdentity } from "./identity.js";
import { canonicalBuiltin } from "./type-names.js";

/**
 * Drops the keys whose value is undefined, so optional fields are omitted, never undefined.
 * A plain loop, not Object.fromEntries(Object.entries(…)): this runs for every object of a
 * large schema, and `delete` would leave the objects in V8's slow dictionary mode.
 */
function compact<T extends object>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const key in object) {
    const value = object[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareStrings(a.name, b.name));
}

function qualified<T extends QualifiedName>(items: readonly T[]): T[] {
  return [...items].sort(compareNames);
}

/** `true` when set, otherwise omitted. */
function flag(value: boolean | undefined): true | undefined {
  return value ? true : undefined;
}

/** The PostgreSQL normalizer: see the file comment. */
export function normalize(schema: Schema): Schema {
  return {
    dialect: schema.dialect,
    namespaces: byName(schema.namespaces).map((n): Namespace => compact({ name: n.name, comment: n.comment })),
    extensions: byName(schema.extensions).map((e): Extension => compact({ name: e.name, schema: e.schema, version: e.version })),
    enums: qualified(schema.enums).map(normalizeEnum),
    domains: qualified(schema.domains).map(normalizeDomain),
    sequences: qualified(schema.sequences).map(normalizeSequence),
    tables: qualified(schema.tables).map(normalizeTable),
    views: qualified(schema.views).map(normalizeView),
    routines: [...schema.routines]
      .sort((a, b) => compareNames(a, b) || compareStrings(a.signature, b.signature))
      .map(normalizeRoutine),
    triggers: [...schema.triggers]
      .sort((a, b) => compareNames(a.table, b.table) || compareStrings(a.name, b.name))
      .map(normalizeTrigger),
  };
}

/** A column type with built-in names in their canonical spelling. */
function normalizeType(type: ColumnType): ColumnType {
  switch (type.kind) {
    case "builtin": {
      const { name, args } = canonicalBuiltin(type.name, type.args);
      return args ? { kind: "builtin", name, args } : { kind: "builtin", name };
    }
    case "array":
      return { kind: "array", element: normalizeType(type.element) };
    case "named":
      return { kind: "named", schema: type.schema, name: type.name };
    case "enum":
    case "set":
      return { kind: type.kind, values: [...type.values] };
    case "raw":
      return { kind: "raw", sql: type.sql.trim() };
  }
}

function normalizeEnum(e: EnumType): EnumType {
  return compact({ schema: e.schema, name: e.name, values: [...e.values], comment: e.comment });
}

function normalizeCheck(check: Check): Check {
  return compact({
    name: check.name,
    expression: check.expression.trim(),
    notValid: flag(check.notValid),
    noInherit: flag(check.noInherit),
    comment: check.comment,
  });
}

function normalizeDomain(d: Domain): Domain {
  return compact({
    schema: d.schema,
    name: d.name,
    type: normalizeType(d.type),
    nullable: d.nullable,
    default: d.default,
    collation: d.collation,
    checks: [...d.checks].sort((a, b) => compareStrings(a.name ?? "", b.name ?? "")).map(normalizeCheck),
    comment: d.comment,
  });
}

function normalizeSequence(s: Sequence): Sequence {
  return compact({
    schema: s.schema,
    name: s.name,
    type: canonicalBuiltin(s.type, undefined).name,
    start: s.start,
    increment: s.increment,
    min: s.min,
    max: s.max,
    cache: s.cache,
    cycle: s.cycle,
    ownedBy: s.ownedBy && { table: { schema: s.ownedBy.table.schema, name: s.ownedBy.table.name }, column: s.ownedBy.column },
    comment: s.comment,
  });
}

function normalizeTable(t: Table): Table {
  return compact({
    schema: t.schema,
    name: t.name,
    columns: t.columns.map(normalizeColumn),
    primaryKey: t.primaryKey && normalizePrimaryKey(t.primaryKey),
    uniques: byName(t.uniques).map(normalizeUnique),
    foreignKeys: byName(t.foreignKeys).map(normalizeForeignKey),
    checks: [...t.checks].sort((a, b) => compareStrings(a.name ?? "", b.name ?? "")).map(normalizeCheck),
    indexes: byName(t.indexes).map(normalizeIndex),
    comment: t.comment,
    partitioning: t.partitioning && compact({
      by: t.partitioning.by,
      of: t.partitioning.of && { parent: { schema: t.partitioning.of.parent.schema, name: t.partitioning.of.parent.name }, bound: t.partitioning.of.bound },
    }),
    attrs: sortedAttrs(t.attrs),
  });
}

function sortedAttrs<T extends Record<string, unknown>>(attrs: T | undefined): T | undefined {
  if (!attrs || Object.keys(attrs).length === 0) return undefined;
  return Object.fromEntries(Object.entries(attrs).sort(([a], [b]) => compareStrings(a, b))) as T;
}

/** Built field by field, not through compact(): a schema has a column object per column. */
function normalizeColumn(c: Column): Column {
  const type = normalizeType(c.type);
  const out: { -readonly [K in keyof Column]: Column[K] } = {
    name: c.name,
    type,
    nullable: c.identity && c.identity.kind !== "auto-increment" ? false : c.nullable,
  };
  if (c.default !== undefined) out.default = c.default.trim();
  if (c.identity) out.identity = normalizeIdentity(c.identity, type);
  if (c.generated) out.generated = { expression: c.generated.expression.trim(), stored: c.generated.stored };
  if (c.collation !== undefined) out.collation = c.collation;
  if (c.comment !== undefined) out.comment = c.comment;
  const attrs = sortedAttrs(c.attrs);
  if (attrs) out.attrs = attrs;
  return out;
}

/** Identity options equal to what PostgreSQL would pick anyway are left out. */
function normalizeIdentity(identity: Identity, type: ColumnType): Identity {
  return identity.kind === "auto-increment" ? identity : minimalIdentity(identity, identityTypeName(type));
}

function normalizePrimaryKey(pk: PrimaryKey): PrimaryKey {
  return compact({
    name: pk.name,
    columns: [...pk.columns],
    deferrable: flag(pk.deferrable),
    initiallyDeferred: flag(pk.initiallyDeferred),
    comment: pk.comment,
  });
}

function normalizeUnique(u: UniqueConstraint): UniqueConstraint {
  return compact({
    name: u.name,
    columns: [...u.columns],
    nullsNotDistinct: flag(u.nullsNotDistinct),
    deferrable: flag(u.deferrable),
    initiallyDeferred: flag(u.initiallyDeferred),
    comment: u.comment,
  });
}

function normalizeForeignKey(fk: ForeignKey): ForeignKey {
  return compact({
    name: fk.name,
    columns: [...fk.columns],
    references: { schema: fk.references.schema, name: fk.references.name },
    referencedColumns: [...fk.referencedColumns],
    onDelete: fk.onDelete,
    onUpdate: fk.onUpdate,
    match: fk.match === "simple" ? undefined : fk.match,
    deferrable: flag(fk.deferrable),
    initiallyDeferred: flag(fk.initiallyDeferred),
    notValid: flag(fk.notValid),
    comment: fk.comment,
  });
}

function normalizePart(part: IndexPart): IndexPart {
  const descending = part.descending === true;
  // NULLS LAST is the default for ascending keys and NULLS FIRST for descending ones.
  const nulls = part.nulls === (descending ? "first" : "last") ? undefined : part.nulls;
  return compact({
    column: part.column,
    expression: part.expression?.trim(),
    descending: flag(descending),
    nulls,
    collation: part.collation,
    opclass: part.opclass,
    length: part.length,
  });
}

function normalizeIndex(i: Index): Index {
  return compact({
    name: i.name,
    unique: i.unique,
    parts: i.parts.map(normalizePart),
    where: i.where?.trim(),
    method: i.method === undefined || i.method.toLowerCase() === "btree" ? undefined : i.method.toLowerCase(),
    include: i.include?.length ? [...i.include] : undefined,
    nullsNotDistinct: flag(i.nullsNotDistinct),
    comment: i.comment,
    attrs: sortedAttrs(i.attrs),
  });
}

/** A view body as pg_get_viewdef prints it, without its surrounding blanks and final semicolon. */
function trimDefinition(sql: string): string {
  return sql.trim().replace(/;\s*$/, "").trimEnd();
}

function normalizeView(v: View): View {
  return compact({
    schema: v.schema,
    name: v.name,
    definition: trimDefinition(v.definition),
    materialized: v.materialized,
    columns: v.columns && [...v.columns],
    dependsOn: v.dependsOn && qualified(v.dependsOn).map((d) => ({ schema: d.schema, name: d.name })),
    indexes: v.indexes && (v.indexes.length > 0 ? byName(v.indexes).map(normalizeIndex) : undefined),
    comment: v.comment,
    attrs: sortedAttrs(v.attrs),
  });
}

function normalizeRoutine(r: Routine): Routine {
  return compact({ schema: r.schema, name: r.name, kind: r.kind, signature: r.signature, definition: trimDefinition(r.definition), comment: r.comment });
}

function normalizeTrigger(t: Trigger): Trigger {
  return compact({
    schema: t.schema,
    name: t.name,
    table: { schema: t.table.schema, name: t.table.name },
    definition: trimDefinition(t.definition),
    routine: t.routine && { schema: t.routine.schema, name: t.routine.name },
    comment: t.comment,
  });
}
