/**
 * Column defaults in one canonical form: the expression MariaDB (10.2.7+) prints in
 * information_schema.COLUMNS — literals quoted (`'abc'`), numbers bare (`0.00`),
 * `current_timestamp()`, other expressions as written. MySQL 8 prints raw values instead and
 * flags expressions with EXTRA `DEFAULT_GENERATED`; `mysql8Default` turns those into the same form.
 */
import type { ColumnType } from "../../schema/types.js";
import { baseName, isBit, isNumeric } from "./column-types.js";
import { isParenthesised, parseStringLiteral, stringLiteral, stripIntroducers, stripOuterParens, unescapeCatalogText } from "./sql-text.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const STRING = /^(?:'(?:[^'\\]|''|\\[\s\S])*'|"(?:[^"\\]|""|\\[\s\S])*")$/;
const NOW = /^(?:current_timestamp|now|localtime|localtimestamp)\s*(?:\(\s*(\d*)\s*\))?$/i;

/** Whether a default is a plain literal, written without parentheses in DDL. */
export function isLiteralDefault(sql: string): boolean {
  return NUMBER.test(sql) || STRING.test(sql) || /^(?:b'[01]*'|x'[0-9a-f]*'|0x[0-9a-f]+|null|true|false)$/i.test(sql) || NOW.test(sql);
}

/** `current_timestamp(n)` as MariaDB prints it, for any spelling of the current time. */
export function canonicalNow(sql: string): string | undefined {
  const match = NOW.exec(sql.trim());
  if (!match) return undefined;
  return `current_timestamp(${match[1] && match[1] !== "0" ? match[1] : ""})`;
}

/** MySQL 8's COLUMN_DEFAULT and EXTRA as the expression MariaDB would print. */
export function mysql8Default(raw: string | null, extra: string, type: ColumnType): string | undefined {
  if (raw === null) return undefined;
  if (/\bDEFAULT_GENERATED\b/i.test(extra)) return unescapeCatalogText(raw);
  if (isNumeric(type) || (isBit(type) && /^b'/i.test(raw))) return raw;
  return stringLiteral(raw);
}

/** A default in canonical form, or undefined when it is the implicit NULL. */
export function canonicalDefault(sql: string | undefined, type: ColumnType): string | undefined {
  if (sql === undefined) return undefined;
  let text = stripIntroducers(sql.trim());
  if (isParenthesised(text)) {
    const inner = stripOuterParens(text);
    if (isLiteralDefault(inner)) text = inner;
  }
  if (/^null$/i.test(text)) return undefined;
  const now = canonicalNow(text);
  if (now) return now;
  if (/^true$/i.test(text)) text = "1";
  if (/^false$/i.test(text)) text = "0";
  if (STRING.test(text)) {
    const value = parseStringLiteral(text);
    if (isNumeric(type) && NUMBER.test(value.trim())) return numericDefault(value.trim(), type);
    return stringLiteral(value);
  }
  if (NUMBER.test(text)) {
    if (isNumeric(type)) return numericDefault(text, type);
    if (isBit(type) && /^\d+$/.test(text)) return `b'${BigInt(text).toString(2)}'`;
    return stringLiteral(text);
  }
  return text;
}

/** Decimal defaults carry the column's scale (`1` → `1.00` for decimal(6,2)), as MySQL stores them. */
function numericDefault(text: string, type: ColumnType): string {
  const plain = text.replace(/^\+/, "");
  if (baseName(type) !== "decimal" || type.kind !== "builtin" || !/^-?\d*(\.\d*)?$/.test(plain)) return plain;
  const scale = Number(type.args?.[1] ?? "0");
  const [whole = "0", fraction = ""] = plain.split(".");
  const intPart = whole === "" || whole === "-" ? `${whole}0` : whole;
  if (scale === 0) return fraction === "" ? intPart : plain;
  return fraction.length <= scale ? `${intPart}.${fraction.padEnd(scale, "0")}` : plain;
}
