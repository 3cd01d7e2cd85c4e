/** Lookup and ordering helpers over qualified names; shared by every consumer of the IR. */
import type { QualifiedName, Routine } from "./types.js";

/**
 * A map key for a qualified name. No database allows NUL in an identifier (they are C strings
 * to all three), so it separates the parts unambiguously; a plain concatenation, since the
 * inspectors and the differ build one per column and index.
 */
export function qualifiedKey(name: QualifiedName): string {
  return `${name.schema}\u0000${name.name}`;
}

/** A map key for a routine: overloads of one name differ by their signature. */
export function routineKey(routine: Routine): string {
  return `${routine.schema}\u0000${routine.name}\u0000${routine.signature}`;
}

/** Whether two qualified names are the same. */
export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.schema === b.schema && a.name === b.name;
}

/** A qualified name as a person reads it: `schema.name`, or `name` in the default schema. */
export function displayName(name: QualifiedName, defaultSchema?: string): string {
  return name.schema === defaultSchema || name.schema === "" ? name.name : `${name.schema}.${name.name}`;
}

/** Compares strings by code unit, so sorting never depends on the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares qualified names by schema, then name. */
export function compareNames(a: QualifiedName, b: QualifiedName): number {
  return compareStrings(a.schema, b.schema) || compareStrings(a.name, b.name);
}

/** A copy of a list sorted by qualified name. */
export function sortByName<T extends QualifiedName>(items: readonly T[]): T[] {
  return [...items].sort(compareNames);
}

/** A map of items by their qualified key. */
export function byQualifiedName<T extends QualifiedName>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [qualifiedKey(item), item]));
}

/** A map of items by their plain name (columns, indexes, constraints inside one table). */
export function byName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}
