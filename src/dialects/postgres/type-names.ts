/**
 * PostgreSQL built-in type names: the spelling `format_type` prints, reached from any alias a
 * person may write (int4, varchar, timestamptz, ...), and back to SQL text.
 */
import type { ColumnType } from "../../schema/types.js";
import { sqlTypeArg, sqlTypeName } from "./sql-values.js";

/** Aliases and internal names mapped to the names format_type prints. */
const CANONICAL: Readonly<Record<string, string>> = {
  int: "integer",
  int4: "integer",
  int2: "smallint",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  varchar: "character varying",
  char: "character",
  bpchar: "character",
  decimal: "numeric",
  varbit: "bit varying",
  timestamp: "timestamp without time zone",
  timestamptz: "timestamp with time zone",
  time: "time without time zone",
  timetz: "time with time zone",
};

/** Types whose length modifier goes in the middle of the name: `timestamp(3) with time zone`. */
const MODIFIER_IN_MIDDLE = /^(timestamp|time) (with|without) time zone$/;

/** A built-in type as format_type prints it ("numeric(10,2)") parsed into the IR's form. */
export function parseBuiltin(sql: string): ColumnType {
  const match = /^([^(]*?)\s*\(([^)]*)\)(.*)$/.exec(sql);
  if (!match) return { kind: "builtin", name: sql };
  const name = `${match[1]}${match[3]}`.trim();
  return { kind: "builtin", name, args: match[2]!.split(",").map((arg) => arg.trim()) };
}

/** The canonical name and modifiers of a built-in type, whatever alias it was written with. */
export function canonicalBuiltin(name: string, args: readonly string[] | undefined): { name: string; args?: readonly string[] } {
  const lower = name.trim().toLowerCase().replace(/\s+/g, " ");
  if (lower === "float" || lower === "double precision" || lower === "real") {
    // float(p) is real up to 24 bits of precision and double precision above.
    const precision = lower === "float" && args?.length ? Number(args[0]) : undefined;
    return { name: lower === "real" || (precision !== undefined && precision <= 24) ? "real" : "double precision" };
  }
  // bpchar without a length has no limit, unlike character, which is one character long.
  if (lower === "bpchar" && !args?.length) return { name: lower };
  const canonical = CANONICAL[lower] ?? lower;
  if ((canonical === "character" || canonical === "bit") && !args?.length) return { name: canonical, args: ["1"] };
  // numeric(p) has scale 0, which format_type prints.
  if (canonical === "numeric" && args?.length === 1) return { name: canonical, args: [args[0]!.trim(), "0"] };
  return args?.length ? { name: canonical, args: args.map((arg) => arg.trim()) } : { name: canonical };
}

/** A built-in type back as SQL text. */
export function builtinSql(name: string, args: readonly string[] | undefined): string {
  sqlTypeName(name);
  if (!args?.length) return name;
  const list = args.map(sqlTypeArg).join(",");
  const middle = MODIFIER_IN_MIDDLE.exec(name);
  if (middle) return `${middle[1]}(${list})${name.slice(middle[1]!.length)}`;
  return `${name}(${list})`;
}

/** The smallest and largest value of each integer type a sequence may have. */
export const INTEGER_RANGES: Readonly<Record<string, readonly [string, string]>> = {
  smallint: ["-32768", "32767"],
  integer: ["-2147483648", "2147483647"],
  bigint: ["-9223372036854775808", "9223372036854775807"],
};
