/** MySQL/MariaDB identifier quoting and literals, safe for any name or value and sql_mode. */
import type { LiteralValue } from "../dialect.js";

/** Quotes an identifier: `` `name` `` with embedded backticks doubled (works under ANSI_QUOTES too). */
export function quoteIdent(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

/**
 * Renders a value as a literal. Whether a backslash escapes depends on NO_BACKSLASH_ESCAPES,
 * which a migration cannot know, so strings with backslashes or control characters are
 * written as UTF-8 bytes in hex; all others as '...' with quotes doubled.
 */
export function literal(value: LiteralValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} as a SQL number literal`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return `_utf8mb4 X'${Buffer.from(value, "utf8").toString("hex")}'`;
  return `'${value.replace(/'/g, "''")}'`;
}
