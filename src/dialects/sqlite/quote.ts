/** SQLite identifier quoting and literals, safe for any name or value. */
import type { LiteralValue } from "../dialect.js";

/** Quotes an identifier: `"name"` with embedded double quotes doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Renders a value as a literal: '...' with quotes doubled. SQLite's tokenizer stops at a NUL,
 * so a string holding one is written as UTF-8 bytes in hex and cast back to text.
 */
export function literal(value: LiteralValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} as a SQL number literal`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (value.includes("\0")) return `CAST(X'${Buffer.from(value, "utf8").toString("hex")}' AS TEXT)`;
  return `'${value.replace(/'/g, "''")}'`;
}
