/**
 * Diffs views. A changed definition is a replace; a materialized view (or a view changing
 * between plain and materialized) is dropped and created, since nothing replaces it in place.
 */
import { compareNames, qualifiedKey } from "../schema/names.js";
import type { View } from "../schema/types.js";
import type { Change } from "./changes.js";
import { type Compare, deepEqual } from "./equal.js";
import { diffIndexes } from "./indexes.js";
import { matchBy } from "./match.js";
import { qualified } from "./table-renames.js";

function sameBody(a: View, b: View, cmp: Compare): boolean {
  return (
    a.materialized === b.materialized &&
    cmp.definition(a.definition, b.definition) &&
    deepEqual(a.columns ?? [], b.columns ?? []) &&
    deepEqual(a.attrs ?? {}, b.attrs ?? {})
  );
}

function diffKept(a: View, b: View, cmp: Compare): Change[] {
  if (!sameBody(a, b, cmp)) {
    if (a.materialized || b.materialized) return [{ kind: "drop-view", view: a }, { kind: "create-view", view: b }];
    const replace: Change = { kind: "replace-view", from: a, to: b };
    return a.comment === b.comment ? [replace] : [replace, { kind: "alter-view-comment", from: a, to: b }];
  }
  const name = qualified(b);
  const changes = diffIndexes({ dropOn: name, on: name, original: a.indexes ?? [] }, a.indexes ?? [], b.indexes ?? [], cmp);
  if (a.comment !== b.comment) changes.push({ kind: "alter-view-comment", from: a, to: b });
  return changes;
}

/** View changes; indexes of materialized views change through the index kinds, on the view's name. */
export function diffViews(from: readonly View[], to: readonly View[], cmp: Compare): Change[] {
  const m = matchBy(from, to, qualifiedKey, compareNames);
  return [
    ...m.removed.map((view): Change => ({ kind: "drop-view", view })),
    ...m.added.map((view): Change => ({ kind: "create-view", view })),
    ...m.kept.flatMap(([a, b]) => diffKept(a, b, cmp)),
  ];
}
