/** Diffs indexes: a changed definition is a drop and a create; a comment or attrs change alters in place. */
import { compareStrings } from "../schema/names.js";
import type { Index, IndexPart, QualifiedName } from "../schema/types.js";
import type { Change } from "./changes.js";
import { type Compare, deepEqual, sameFlag } from "./equal.js";
import { matchBy } from "./match.js";

function samePart(a: IndexPart, b: IndexPart, cmp: Compare): boolean {
  return (
    a.column === b.column &&
    cmp.expression(a.expression, b.expression) &&
    sameFlag(a.descending, b.descending) &&
    a.nulls === b.nulls &&
    a.collation === b.collation &&
    a.opclass === b.opclass &&
    a.length === b.length
  );
}

/** Whether two indexes are built the same way, whatever their names, comments and attrs. */
export function sameIndexDefinition(a: Index, b: Index, cmp: Compare): boolean {
  return (
    a.unique === b.unique &&
    a.parts.length === b.parts.length &&
    a.parts.every((part, i) => samePart(part, b.parts[i]!, cmp)) &&
    cmp.expression(a.where, b.where) &&
    a.method === b.method &&
    deepEqual(a.include ?? [], b.include ?? []) &&
    sameFlag(a.nullsNotDistinct, b.nullsNotDistinct)
  );
}

/** Where index changes apply: drops name the table as it was (they run before renames). */
export interface IndexTarget {
  readonly dropOn: QualifiedName;
  readonly on: QualifiedName;
  /** The indexes as they were, looked up by name for drops. */
  readonly original: readonly Index[];
}

const byIndexName = (a: Index, b: Index): number => compareStrings(a.name, b.name);

/** Index changes between two lists; `from` already carries renamed column and index names. */
export function diffIndexes(target: IndexTarget, from: readonly Index[], to: readonly Index[], cmp: Compare): Change[] {
  const m = matchBy(from, to, (i) => i.name, byIndexName);
  const originalOf = (index: Index): Index => target.original.find((i) => i.name === index.name) ?? index;
  const drops: Change[] = m.removed.map((index) => ({ kind: "drop-index", table: target.dropOn, index: originalOf(index) }));
  const creates: Change[] = m.added.map((index) => ({ kind: "create-index", table: target.on, index }));
  const alters: Change[] = [];
  for (const [a, b] of m.kept) {
    if (!sameIndexDefinition(a, b, cmp)) {
      drops.push({ kind: "drop-index", table: target.dropOn, index: originalOf(a) });
      creates.push({ kind: "create-index", table: target.on, index: b });
    } else if (a.comment !== b.comment || !deepEqual(a.attrs ?? {}, b.attrs ?? {})) {
      alters.push({ kind: "alter-index", table: target.on, from: a, to: b });
    }
  }
  return [...drops, ...creates, ...alters];
}
