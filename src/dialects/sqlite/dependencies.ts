/**
 * What SQLite does not record: which tables and views a view reads, and which objects
 * mention a name. Found by the names the SQL text mentions, so a column that shares a
 * table's name makes a harmless extra dependency, never a missing one.
 */
import type { QualifiedName } from "../../schema/types.js";
import { asciiLower, mentionedNames } from "./sql-tokens.js";

/** The tables and views (from `known`, real names) that a view definition mentions, sorted, without the view itself. */
export function viewDependencies(definition: string, known: readonly string[], self: string): QualifiedName[] {
  const mentioned = mentionedNames(definition);
  return known
    .filter((name) => mentioned.has(asciiLower(name)) && asciiLower(name) !== asciiLower(self))
    .sort()
    .map((name) => ({ schema: "", name }));
}

/** Whether a SQL fragment mentions `name` as a bare or quoted name (ASCII case ignored, as SQLite does). */
export function mentions(sql: string, name: string): boolean {
  return mentionedNames(sql).has(asciiLower(name));
}
