/** Diffs enum types: added values are altered in place, anything else rebuilds the type. */
import { compareNames, qualifiedKey } from "../schema/names.js";
import type { EnumType } from "../schema/types.js";
import type { Change } from "./changes.js";
import { matchBy } from "./match.js";

/** Whether `to` keeps every value of `from` in the same relative order (values only added). */
export function onlyAddsValues(from: readonly string[], to: readonly string[]): boolean {
  let at = 0;
  for (const value of to) {
    if (at < from.length && from[at] === value) at += 1;
  }
  return at === from.length && new Set(to).size === to.length;
}

/** The enum values of `from` that `to` no longer has. */
export function removedValues(from: EnumType, to: EnumType): string[] {
  return from.values.filter((value) => !to.values.includes(value));
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Creates, drops, value changes and comment changes of enum types. */
export function diffEnums(from: readonly EnumType[], to: readonly EnumType[]): Change[] {
  const m = matchBy(from, to, qualifiedKey, compareNames);
  const changes: Change[] = [
    ...m.removed.map((e): Change => ({ kind: "drop-enum", enum: e })),
    ...m.added.map((e): Change => ({ kind: "create-enum", enum: e })),
  ];
  for (const [a, b] of m.kept) {
    if (!sameValues(a.values, b.values)) {
      changes.push({ kind: onlyAddsValues(a.values, b.values) ? "add-enum-values" : "rebuild-enum", from: a, to: b });
    }
    if (a.comment !== b.comment) changes.push({ kind: "alter-enum-comment", from: a, to: b });
  }
  return changes;
}
