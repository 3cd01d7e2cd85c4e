/** PostgreSQL identifier quoting and literals, safe for any name or value. */
import type { LiteralValue } from "../dialect.js";

/** Quotes an identifier: `"name"` with embedded double quotes doubled. */
export function quoteIdent(name: string): string {
  rejectNul(name, "an identifier");
  return name.includes('"') ? `"${name.replace(/"/g, '""')}"` : `"${name}"`;
}

/**
 * Renders a value as a literal. A string holding a backslash is written as E'...' with the
 * backslashes doubled, which reads the same whatever standard_conforming_strings says.
 */
export function literal(value: LiteralValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} as a SQL number literal`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  rejectNul(value, "a string");
  const quoted = value.replace(/'/g, "''");
  return value.includes("\\") ? `E'${quoted.replace(/\\/g, "\\\\")}'` : `'${quoted}'`;
}

/** PostgreSQL text cannot hold NUL, and the wire protocol would cut the query text at one. */
function rejectNul(text: string, what: string): void {
  if (text.includes("\0")) throw new RangeError(`PostgreSQL cannot store ${what} containing the NUL character`);
}
