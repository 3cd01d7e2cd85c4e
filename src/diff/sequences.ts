/** Diffs standalone sequences: option and owner changes are altered in place. */
import { compareNames, qualifiedKey } from "../schema/names.js";
import type { Sequence } from "../schema/types.js";
import type { Change } from "./changes.js";
import { deepEqual } from "./equal.js";
import { matchBy } from "./match.js";

/** Creates, drops and option changes of sequences. */
export function diffSequences(from: readonly Sequence[], to: readonly Sequence[]): Change[] {
  const m = matchBy(from, to, qualifiedKey, compareNames);
  return [
    ...m.removed.map((sequence): Change => ({ kind: "drop-sequence", sequence })),
    ...m.added.map((sequence): Change => ({ kind: "create-sequence", sequence })),
    ...m.kept.filter(([a, b]) => !deepEqual(a, b)).map(([a, b]): Change => ({ kind: "alter-sequence", from: a, to: b })),
  ];
}
