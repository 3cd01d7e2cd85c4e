/** Column types and identity options as the PostgreSQL catalog queries return them. */
import type { ColumnType, Identity } from "../../schema/types.js";
import { minimalIdentity } from "./identity.js";
import { parseBuiltin } from "./type-names.js";

/**
 * The type columns every query that returns a type has (see inspect-columns.sql). The columns
 * query leaves the schema, name and modifier of a built-in type out (NULL), and says only when
 * a type is an array.
 */
export interface TypeColumns {
  type_sql: string;
  type_schema: string | null;
  type_name: string | null;
  type_mod: number | null;
  type_is_array: boolean | null;
  elem_sql: string | null;
  elem_schema: string | null;
  elem_name: string | null;
}

/** The IR type of a catalog row: built-in, user-defined by name, an array of one, or raw text. */
export function columnType(row: TypeColumns): ColumnType {
  if (row.type_is_array && row.elem_sql !== null && row.elem_schema !== null && row.elem_name !== null) {
    return { kind: "array", element: baseType(row.elem_sql, row.elem_schema, row.elem_name, row.type_mod) };
  }
  return baseType(row.type_sql, row.type_schema, row.type_name, row.type_mod);
}

function baseType(sql: string, schema: string | null, name: string | null, mod: number | null): ColumnType {
  // The inspector runs with an empty search_path, so format_type qualifies every type outside
  // pg_catalog and prints the built-in ones by their SQL names.
  if (schema === null || name === null || schema === "pg_catalog") return parseBuiltin(sql);
  if (mod === null || mod === -1) return { kind: "named", schema, name };
  return { kind: "raw", sql };
}

/** A sequence's settings as the catalog prints them. */
interface SequenceSettings {
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

/** An identity column's kind plus the sequence options that differ from PostgreSQL's defaults. */
export function identityOf(kind: "a" | "d", seq: SequenceSettings): Identity {
  const { type, ...options } = seq;
  return minimalIdentity({ kind: kind === "a" ? "always" : "by-default", ...options }, type);
}
