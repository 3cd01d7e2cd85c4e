/** Applies a SchemaFilter: keeps the chosen namespaces and leaves out excluded tables and their parts. */
import { qualifiedKey } from "../schema/names.js";
import type { QualifiedName, Schema } from "../schema/types.js";
import type { SchemaFilter } from "./options.js";

/** The part of `schema` the filter selects; the schema itself when there is nothing to filter. */
export function filterSchema(schema: Schema, filter: SchemaFilter | undefined): Schema {
  if (!filter || (filter.namespaces === undefined && filter.excludeTables === undefined)) return schema;
  const namespaces = filter.namespaces === undefined ? undefined : new Set(filter.namespaces);
  const exclude = filter.excludeTables;
  const inNamespace = (schemaName: string | undefined): boolean => !namespaces || schemaName === undefined || namespaces.has(schemaName);
  const keep = (name: QualifiedName): boolean => inNamespace(name.schema);
  const excludedTables = new Set(schema.tables.filter((t) => keep(t) && exclude?.(t)).map(qualifiedKey));
  const keptTable = (name: QualifiedName): boolean => keep(name) && !excludedTables.has(qualifiedKey(name));
  return {
    ...schema,
    namespaces: schema.namespaces.filter((n) => inNamespace(n.name)),
    extensions: schema.extensions.filter((e) => inNamespace(e.schema)),
    enums: schema.enums.filter(keep),
    domains: schema.domains.filter(keep),
    // A SERIAL column's sequence belongs to its table: it goes where the table goes.
    sequences: schema.sequences.filter((s) => keep(s) && (!s.ownedBy || !excludedTables.has(qualifiedKey(s.ownedBy.table)))),
    tables: schema.tables.filter(keptTable),
    views: schema.views.filter(keep),
    routines: schema.routines.filter(keep),
    triggers: schema.triggers.filter((t) => keep(t) && keptTable(t.table)),
  };
}
