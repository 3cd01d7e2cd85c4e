/** Builds the IR's non-table objects from the rows of their catalog queries. */
import { compareNames, qualifiedKey } from "../../schema/names.js";
import type { Domain, EnumType, Extension, Index, Namespace, QualifiedName, Routine, Sequence, Trigger, View } from "../../schema/types.js";
import { columnType, type TypeColumns } from "./inspect-types.js";

/** A row of inspect-namespaces.sql. */
export interface NamespaceRow {
  name: string;
  comment: string | null;
}

/** A row of inspect-extensions.sql. */
export interface ExtensionRow {
  name: string;
  schema: string;
  version: string;
}

/** A row of inspect-enums.sql. */
export interface EnumRow {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
}

/** A row of inspect-domains.sql. */
export interface DomainRow extends TypeColumns {
  schema: string;
  name: string;
  not_null: boolean;
  default: string | null;
  collation: string | null;
  checks: { name: string; expression: string; notValid: boolean }[];
  comment: string | null;
}

/** A row of inspect-sequences.sql. */
export interface SequenceRow {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  comment: string | null;
}

/** A row of inspect-views.sql. */
export interface ViewRow {
  schema: string;
  name: string;
  materialized: boolean;
  definition: string;
  options: string | null;
  columns: string[];
  depends_on: QualifiedName[];
  comment: string | null;
}

/** A row of inspect-routines.sql. */
export interface RoutineRow {
  schema: string;
  name: string;
  procedure: boolean;
  signature: string;
  definition: string;
  comment: string | null;
}

/** A row of inspect-triggers.sql. */
export interface TriggerRow {
  schema: string;
  table: string;
  name: string;
  definition: string;
  routine_schema: string;
  routine_name: string;
  comment: string | null;
}

/** View attribute key for its WITH options (check_option, security_barrier, ...). */
export const VIEW_WITH = "postgres.with";

/** Adds `comment` to an object when the catalog has one. */
function withComment<T extends object>(object: T, comment: string | null): T {
  return comment === null ? object : { ...object, comment };
}

/** Namespaces from their rows. */
export function namespacesOf(rows: NamespaceRow[]): Namespace[] {
  return rows.map((row) => withComment({ name: row.name }, row.comment));
}

/** Extensions from their rows. */
export function extensionsOf(rows: ExtensionRow[]): Extension[] {
  return rows.map((row) => ({ name: row.name, schema: row.schema, version: row.version }));
}

/** Enum types from their rows. */
export function enumsOf(rows: EnumRow[]): EnumType[] {
  return rows.map((row) => withComment({ schema: row.schema, name: row.name, values: row.values }, row.comment));
}

/** Domains from their rows. */
export function domainsOf(rows: DomainRow[]): Domain[] {
  return rows.map((row) => {
    const domain: Domain = {
      schema: row.schema,
      name: row.name,
      type: columnType(row),
      nullable: !row.not_null,
      ...(row.default !== null ? { default: row.default } : {}),
      ...(row.collation !== null ? { collation: row.collation } : {}),
      checks: row.checks.map((check) => ({ name: check.name, expression: check.expression, ...(check.notValid ? { notValid: true } : {}) })),
    };
    return withComment(domain, row.comment);
  });
}

/** Standalone and SERIAL sequences from their rows. */
export function sequencesOf(rows: SequenceRow[]): Sequence[] {
  return rows.map((row) => {
    const sequence: Sequence = {
      schema: row.schema,
      name: row.name,
      type: row.type,
      start: row.start,
      increment: row.increment,
      min: row.min,
      max: row.max,
      cache: row.cache,
      cycle: row.cycle,
      ...(row.owner_schema !== null && row.owner_table !== null && row.owner_column !== null
        ? { ownedBy: { table: { schema: row.owner_schema, name: row.owner_table }, column: row.owner_column } }
        : {}),
    };
    return withComment(sequence, row.comment);
  });
}

/** Views and materialized views from their rows, with the indexes of materialized ones. */
export function viewsOf(rows: ViewRow[], indexes: Map<string, Index[]>): View[] {
  return rows.map((row) => {
    const viewIndexes = indexes.get(qualifiedKey(row));
    const view: View = {
      schema: row.schema,
      name: row.name,
      definition: row.definition,
      materialized: row.materialized,
      columns: row.columns,
      dependsOn: [...row.depends_on].sort(compareNames),
      ...(viewIndexes ? { indexes: viewIndexes } : {}),
      ...(row.options ? { attrs: { [VIEW_WITH]: row.options } } : {}),
    };
    return withComment(view, row.comment);
  });
}

/** Functions and procedures from their rows. */
export function routinesOf(rows: RoutineRow[]): Routine[] {
  return rows.map((row) =>
    withComment<Routine>(
      { schema: row.schema, name: row.name, kind: row.procedure ? "procedure" : "function", signature: row.signature, definition: row.definition },
      row.comment,
    ),
  );
}

/** Triggers from their rows. */
export function triggersOf(rows: TriggerRow[]): Trigger[] {
  return rows.map((row) =>
    withComment<Trigger>(
      {
        schema: row.schema,
        name: row.name,
        table: { schema: row.schema, name: row.table },
        definition: row.definition,
        routine: { schema: row.routine_schema, name: row.routine_name },
      },
      row.comment,
    ),
  );
}
