/** Equality of IR values: deep equality of normalised data, and the dialect hooks on top. */
import type { ColumnType } from "../schema/types.js";
import type { DiffHooks, NameKind } from "./options.js";

/**
 * Deep equality of plain JSON-like data. A key holding undefined counts as absent, so an
 * object built with `{comment: undefined}` equals one that omits the key.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!deepEqual(left[key], right[key])) return false;
  }
  return true;
}

/** Whether two optional flags agree, an omitted flag meaning false. */
export function sameFlag(a: boolean | undefined, b: boolean | undefined): boolean {
  return Boolean(a) === Boolean(b);
}

/** The comparisons the differ makes, with the dialect's hooks applied. */
export interface Compare {
  /** Whether two column types are the same type. */
  type(a: ColumnType, b: ColumnType): boolean;
  /** Whether two optional SQL expressions are equal; two omitted ones are. */
  expression(a: string | undefined, b: string | undefined): boolean;
  /** Whether two view, routine or trigger definitions are equal. */
  definition(a: string, b: string): boolean;
  /** The key a name of a table's part compares by; the name itself without a nameKey hook. */
  nameKey(kind: NameKind, name: string): string;
  /** Whether column order counts (DiffHooks.columnOrder). */
  readonly columnOrder: boolean;
}

/** A Compare from the dialect's hooks; a missing hook means deep equality. */
export function comparer(hooks: DiffHooks = {}): Compare {
  const sameType = hooks.sameType ?? deepEqual;
  const sameExpression = hooks.sameExpression ?? ((a: string, b: string) => a === b);
  const sameDefinition = hooks.sameDefinition ?? ((a: string, b: string) => a === b);
  return {
    type: (a, b) => deepEqual(a, b) || sameType(a, b),
    expression: (a, b) => (a === undefined || b === undefined ? a === b : a === b || sameExpression(a, b)),
    definition: (a, b) => a === b || sameDefinition(a, b),
    nameKey: (kind, name) => (hooks.nameKey ? hooks.nameKey(kind, name) : name),
    columnOrder: hooks.columnOrder === true,
  };
}
