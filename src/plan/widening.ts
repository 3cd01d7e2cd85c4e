/**
 * Whether a column type change can only widen: every value of the old type fits the new one
 * unchanged. Such changes are not marked destructive; anything unknown is assumed narrowing.
 */
import type { ColumnType } from "../schema/types.js";

/** Integer families, narrowest first; a value fits every later member of its family. */
const INTEGER_FAMILIES: readonly (readonly string[])[] = [
  ["smallint", "integer", "bigint"],
  ["tinyint", "smallint", "mediumint", "int", "bigint"],
  ["tinyint unsigned", "smallint unsigned", "mediumint unsigned", "int unsigned", "bigint unsigned"],
  ["real", "double precision"],
  ["float", "double"],
];

/** Text families without a length, narrowest first (MySQL's TEXT and BLOB sizes). */
const SIZE_FAMILIES: readonly (readonly string[])[] = [
  ["tinytext", "text", "mediumtext", "longtext"],
  ["tinyblob", "blob", "mediumblob", "longblob"],
];

/** Types with a length argument, and the unbounded type each may grow into. */
const LENGTH_TYPES: Readonly<Record<string, readonly string[]>> = {
  "character varying": ["text"],
  varchar: ["text", "mediumtext", "longtext"],
  varbinary: ["blob", "mediumblob", "longblob"],
  character: [],
  char: [],
  binary: [],
  bit: [],
};

/** Whether `to` holds every value of `from` unchanged. */
export function isWidening(from: ColumnType, to: ColumnType): boolean {
  if (from.kind === "array" && to.kind === "array") return isWidening(from.element, to.element);
  if ((from.kind === "enum" || from.kind === "set") && to.kind === from.kind) {
    return from.values.every((value, i) => to.values[i] === value);
  }
  if (from.kind !== "builtin" || to.kind !== "builtin") return false;
  return inFamily(INTEGER_FAMILIES, from.name, to.name) || inFamily(SIZE_FAMILIES, from.name, to.name) || lengthGrows(from, to) || precisionGrows(from, to);
}

function inFamily(families: readonly (readonly string[])[], from: string, to: string): boolean {
  return families.some((family) => {
    const a = family.indexOf(from);
    const b = family.indexOf(to);
    return a >= 0 && b > a;
  });
}

type Builtin = Extract<ColumnType, { kind: "builtin" }>;

const number = (arg: string | undefined): number | undefined => (arg !== undefined && /^\d+$/.test(arg) ? Number(arg) : undefined);

function lengthGrows(from: Builtin, to: Builtin): boolean {
  const unbounded = LENGTH_TYPES[from.name];
  if (!unbounded) return false;
  if (unbounded.includes(to.name)) return true;
  if (to.name !== from.name) return false;
  const before = number(from.args?.[0]);
  // No length on the new side means unbounded for varchar, but 1 for char: only the former widens.
  if (to.args === undefined || to.args.length === 0) return from.name === "character varying" || from.name === "varchar";
  const after = number(to.args[0]);
  return before !== undefined && after !== undefined && after > before;
}

function precisionGrows(from: Builtin, to: Builtin): boolean {
  const decimal = ["numeric", "decimal", "decimal unsigned"];
  if (!decimal.includes(from.name) || from.name !== to.name) return false;
  if (to.args === undefined || to.args.length === 0) return from.name === "numeric";
  const [p1, s1 = 0] = (from.args ?? []).map(number);
  const [p2, s2 = 0] = to.args.map(number);
  if (p1 === undefined || p2 === undefined || s1 === undefined || s2 === undefined) return false;
  return s2 >= s1 && p2 - s2 >= p1 - s1;
}
