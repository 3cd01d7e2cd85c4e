/** Column types and identity options as the PostgreSQL catalog queries return them. */
import type { ColumnType, Identity } from "../../schema/types.js";
import { INTEGER_RANGES, parseBuiltin } from "./type-names.js";

/** The type columns every query that returns a type has (see inspect-columns.sql). */
export interface TypeColumns {
  type_sql: string;
  type_schema: string;
  type_name: string;
  type_mod: number;
  type_is_array: boolean;
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

function baseType(sql: string, schema: string, name: string, mod: number): ColumnType {
  // The inspector runs with an empty search_path, so format_type qualifies every type outside
  // pg_catalog and prints the built-in ones by their SQL names.
  if (schema === "pg_catalog") return parseBuiltin(sql);
  if (mod === -1) return { kind: "named", schema, name };
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
  const defaults = sequenceDefaults(seq.type, seq.increment, seq.min, seq.max);
  const options: { start?: string; increment?: string; min?: string; max?: string; cache?: string; cycle?: boolean } = {};
  if (seq.start !== defaults.start) options.start = seq.start;
  if (seq.increment !== "1") options.increment = seq.increment;
  if (seq.min !== defaults.min) options.min = seq.min;
  if (seq.max !== defaults.max) options.max = seq.max;
  if (seq.cache !== "1") options.cache = seq.cache;
  if (seq.cycle) options.cycle = true;
  return { kind: kind === "a" ? "always" : "by-default", ...options };
}

/**
 * The values PostgreSQL picks for a sequence's unset options: ascending sequences run from 1 to
 * the type's maximum, descending ones from the type's minimum to -1, and each starts at its own
 * low (ascending) or high (descending) end.
 */
export function sequenceDefaults(type: string, increment: string, min: string, max: string): { start: string; min: string; max: string } {
  const range = INTEGER_RANGES[type] ?? INTEGER_RANGES.bigint!;
  const ascending = !increment.trim().startsWith("-");
  return {
    min: ascending ? "1" : range[0],
    max: ascending ? range[1] : "-1",
    start: ascending ? min : max,
  };
}
