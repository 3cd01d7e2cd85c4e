/**
 * Checks for the values the PostgreSQL renderers write into SQL as they are, without quotes:
 * numbers, built-in type names and their modifiers, storage parameters. The inspector only ever
 * stores what the catalog prints, but an IR built by hand could carry SQL of its own in them,
 * so each is held to a strict shape and refused otherwise.
 */
import { ShaleError } from "../../errors.js";

const INTEGER = /^-?\d+$/;
const WORD = /^[A-Za-z_][A-Za-z0-9_$]*$/;
// Words, or a word in double quotes ("char"), joined by single spaces or dots.
const TYPE_WORD = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|"[A-Za-z_][A-Za-z0-9_$ ]*")`;
const TYPE_NAME = new RegExp(`^${TYPE_WORD}(?:[ .]${TYPE_WORD})*$`);
const OPTION_KEY = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const OPTION_VALUE = /^[A-Za-z0-9_.+-]+$/;

function invalid(what: string, value: unknown): ShaleError {
  return new ShaleError("SHALE_E_INVALID_SCHEMA", `Invalid ${what} in the schema: ${JSON.stringify(value)}.`, {
    hint: "Schemas come from inspecting a database; a schema built by hand must use the values the catalog prints.",
  });
}

/** An integer (sequence and identity settings) as SQL, or an error when it is anything else. */
export function sqlInteger(value: string, what: string): string {
  if (!INTEGER.test(value)) throw invalid(what, value);
  return value;
}

/** A built-in type's name as SQL (`double precision`, `"char"`), or an error. */
export function sqlTypeName(name: string): string {
  if (!TYPE_NAME.test(name)) throw invalid("type name", name);
  return name;
}

/** A type modifier (a length, a precision, a word such as a geometry kind), or an error. */
export function sqlTypeArg(arg: string): string {
  if (!INTEGER.test(arg) && !WORD.test(arg)) throw invalid("type modifier", arg);
  return arg;
}

/** Storage parameters `k=v, k2=v2` (as reloptions print) into their keys and values, or an error. */
export function storageOptions(options: string | number | boolean | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (options === undefined || options === "") return out;
  if (typeof options !== "string") throw invalid("storage parameter list", options);
  for (const item of options.split(",")) {
    const eq = item.indexOf("=");
    const key = item.slice(0, Math.max(eq, 0)).trim();
    const value = item.slice(eq + 1).trim();
    if (eq < 0 || !OPTION_KEY.test(key) || !OPTION_VALUE.test(value)) throw invalid("storage parameter", item.trim());
    out.set(key, value);
  }
  return out;
}

/** ` WITH (k=v, ...)` for storage parameters, checked; "" when there are none. */
export function withOptionsSql(options: string | number | boolean | undefined): string {
  const parsed = storageOptions(options);
  return parsed.size === 0 ? "" : ` WITH (${[...parsed].map(([key, value]) => `${key}=${value}`).join(", ")})`;
}
