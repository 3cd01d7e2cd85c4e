/**
 * MySQL column types in their canonical IR form, and back to SQL.
 *
 * Canonical form: `{kind: "builtin", name, args}` with `name` the lower-case base type
 * followed by its modifiers (`"int unsigned"`, `"decimal unsigned zerofill"`), `args` the
 * parenthesised numbers (`["10", "2"]`). Integer display widths are dropped, as MySQL 8.0.19+
 * prints them, except `tinyint(1)` (the boolean convention) and zerofill columns, whose width
 * is what they pad to. Inline `enum(...)`/`set(...)` become kind enum/set with their values.
 */
import { ShaleError } from "../../errors.js";
import type { ColumnType } from "../../schema/types.js";
import { parseStringList, stringLiteral } from "./sql-text.js";

const INTEGERS = new Set(["tinyint", "smallint", "mediumint", "int", "bigint"]);
const NUMERICS = new Set([...INTEGERS, "decimal", "float", "double", "bit"]);
const TEXTUAL = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext"]);
const TEMPORAL = new Set(["date", "time", "datetime", "timestamp", "year"]);

/** A type name and its modifiers, one space apart (`int unsigned zerofill`), and one argument. */
const TYPE_NAME = /^[a-z][a-z0-9_]*(?: [a-z][a-z0-9_]*)*$/i;
const TYPE_ARG = /^\d+$/;

/** Names other spellings of a type stand for (MySQL converts them on CREATE TABLE). */
const ALIASES: Record<string, string> = {
  integer: "int",
  int1: "tinyint",
  int2: "smallint",
  int3: "mediumint",
  middleint: "mediumint",
  int4: "int",
  int8: "bigint",
  dec: "decimal",
  numeric: "decimal",
  fixed: "decimal",
  real: "double",
  "double precision": "double",
  float4: "float",
  float8: "double",
  "character varying": "varchar",
  character: "char",
  "national char": "char",
  nchar: "char",
  "national varchar": "varchar",
  nvarchar: "varchar",
  "long varchar": "mediumtext",
  long: "mediumtext",
  "long varbinary": "mediumblob",
};

/** Parses a type as information_schema's COLUMN_TYPE (or a person) writes it. */
export function parseColumnType(text: string): ColumnType {
  const source = text.trim();
  const inline = /^(enum|set)\s*\(([\s\S]*)\)$/i.exec(source);
  if (inline) return { kind: inline[1]!.toLowerCase() as "enum" | "set", values: parseStringList(inline[2]!) };
  const match = /^([a-z][a-z0-9_]*(?:\s+(?:precision|varying|varchar|char|varbinary))?)\s*(?:\(\s*([^)]*?)\s*\))?((?:\s+(?:unsigned|signed|zerofill))*)$/i.exec(source);
  if (!match) return { kind: "raw", sql: source.toLowerCase() };
  const base = match[1]!.toLowerCase().replace(/\s+/g, " ");
  const args = match[2] === undefined || match[2] === "" ? [] : match[2].split(/\s*,\s*/);
  const modifiers = match[3]!.toLowerCase().trim().split(/\s+/).filter(Boolean);
  return canonicalBuiltin(ALIASES[base] ?? base, args, modifiers);
}

/** The canonical form of a type given as base name, arguments and modifiers. */
function canonicalBuiltin(base: string, givenArgs: readonly string[], modifiers: readonly string[]): ColumnType {
  if (base === "bool" || base === "boolean") return { kind: "builtin", name: "tinyint", args: ["1"] };
  if (base === "serial") return { kind: "builtin", name: "bigint unsigned" };
  const zerofill = modifiers.includes("zerofill");
  const unsigned = zerofill || modifiers.includes("unsigned");
  let name = base;
  let args = [...givenArgs];
  if (base === "float" && args.length === 1) {
    name = Number(args[0]) > 24 ? "double" : "float";
    args = [];
  }
  if (INTEGERS.has(base) && !zerofill && !(base === "tinyint" && args[0] === "1")) args = [];
  if (base === "decimal") args = [args[0] ?? "10", args[1] ?? "0"];
  if ((base === "char" || base === "binary" || base === "bit") && args.length === 0) args = ["1"];
  if (base === "year" || (TEMPORAL.has(base) && args[0] === "0")) args = [];
  const suffix = NUMERICS.has(name) && name !== "bit" ? `${unsigned ? " unsigned" : ""}${zerofill ? " zerofill" : ""}` : "";
  return args.length > 0 ? { kind: "builtin", name: name + suffix, args } : { kind: "builtin", name: name + suffix };
}

/** A type rewritten into its canonical form (for types built by hand or by other tools). */
export function canonicalType(type: ColumnType): ColumnType {
  switch (type.kind) {
    case "builtin":
      return parseColumnType(renderColumnType(type));
    case "raw":
      return parseColumnType(type.sql);
    default:
      return type;
  }
}

/** The SQL spelling of a type: `decimal(10,2) unsigned`, `enum('a','b')`. */
export function renderColumnType(type: ColumnType): string {
  switch (type.kind) {
    case "builtin": {
      if (!TYPE_NAME.test(type.name) || !(type.args ?? []).every((arg) => TYPE_ARG.test(arg))) {
        throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `Not a valid MySQL column type: ${JSON.stringify(type)}.`, {
          hint: "A MySQL type is a name with its modifiers and up to two numeric arguments, such as decimal(10,2) unsigned.",
        });
      }
      const [base, ...modifiers] = type.name.split(" ");
      const args = type.args && type.args.length > 0 ? `(${type.args.join(",")})` : "";
      return [`${base}${args}`, ...modifiers].join(" ");
    }
    case "enum":
    case "set":
      return `${type.kind}(${type.values.map(stringLiteral).join(",")})`;
    case "raw":
      return type.sql;
    case "array":
    case "named":
      throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no ${type.kind} column types (${JSON.stringify(type)}).`, {
        hint: "Use a built-in MySQL type, an inline ENUM/SET, or JSON.",
      });
  }
}

/** The base type name (`int` for `int unsigned`), or "" for non-builtin types. */
export function baseName(type: ColumnType): string {
  return type.kind === "builtin" ? type.name.split(" ")[0]! : "";
}

/** Whether values of the type are numbers, written bare in defaults. */
export function isNumeric(type: ColumnType): boolean {
  return NUMERICS.has(baseName(type)) && baseName(type) !== "bit";
}

/** Whether the type is BIT(n), whose defaults MySQL prints as b'...'. */
export function isBit(type: ColumnType): boolean {
  return baseName(type) === "bit";
}

/** Whether the type holds characters and so has a character set and collation. */
export function isCharacterType(type: ColumnType): boolean {
  return type.kind === "enum" || type.kind === "set" || TEXTUAL.has(baseName(type));
}

/** The character set a collation belongs to: the part before its first underscore. */
export function charsetOf(collation: string): string {
  return collation.split("_")[0]!;
}
