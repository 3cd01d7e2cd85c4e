/**
 * SQLite column types. SQLite keeps the declared type text and derives only an affinity
 * from it, so two affinity-equal declarations (INT, INTEGER, BIGINT) stay different types
 * here: the IR keeps what the user declared, lower-cased, with its arguments.
 */
import { ShaleError } from "../../errors.js";
import type { ColumnType } from "../../schema/types.js";

const NAME = String.raw`[\p{L}_][\p{L}\p{N}_]*`;
const NUMBER = String.raw`[+-]?\d+(?:\.\d+)?`;
const TYPE_NAME = new RegExp(`^${NAME}(?: ${NAME})*$`, "u");
const TYPE_ARG = new RegExp(`^${NUMBER}$`);
const DECLARED = new RegExp(`^(${NAME}(?:\\s+${NAME})*)\\s*(?:\\(\\s*(${NUMBER})\\s*(?:,\\s*(${NUMBER})\\s*)?\\))?$`, "u");

/**
 * The IR type of a declared type as pragma_table_xinfo prints it: `VARCHAR ( 20 )` becomes
 * builtin varchar ["20"]; no declared type is raw ""; anything that is not a name with up to
 * two numeric arguments stays raw, as printed.
 */
export function parseDeclaredType(text: string): ColumnType {
  const trimmed = text.trim();
  const match = DECLARED.exec(trimmed);
  if (!match) return { kind: "raw", sql: trimmed };
  const name = match[1]!.split(/\s+/).join(" ").toLowerCase();
  const args = [match[2], match[3]].filter((arg): arg is string => arg !== undefined);
  return args.length ? { kind: "builtin", name, args } : { kind: "builtin", name };
}

/** A type in its canonical IR form: builtin names lower-cased, raw text that reads as a builtin turned into one. */
export function normalizeType(type: ColumnType): ColumnType {
  if (type.kind === "raw") return parseDeclaredType(type.sql);
  if (type.kind !== "builtin") return type;
  const text = type.args?.length ? `${type.name}(${type.args.join(",")})` : type.name;
  const parsed = parseDeclaredType(text);
  return parsed.kind === "builtin" ? parsed : type;
}

/** The SQL of a column type; "" for a column declared without one. */
export function renderType(type: ColumnType, where: string): string {
  switch (type.kind) {
    case "raw":
      return type.sql;
    case "builtin":
      if (!TYPE_NAME.test(type.name) || !(type.args ?? []).every((arg) => TYPE_ARG.test(arg))) {
        throw unsupportedType(`the type "${type.name}"`, where, "A SQLite type is one or more words with up to two numeric arguments, such as varchar(20).");
      }
      return type.args?.length ? `${type.name}(${type.args.join(", ")})` : type.name;
    case "array":
    case "enum":
    case "set":
    case "named":
      throw unsupportedType(`a ${type.kind} type`, where, "SQLite has no such types; declare the column with a plain type such as text or integer.");
  }
}

function unsupportedType(what: string, where: string, hint: string): ShaleError {
  return new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `SQLite cannot declare ${what} for ${where}.`, { hint });
}
