/**
 * Diffs routines (replaced in place) and triggers (dropped and created, or only commented on
 * when their comment alone changed), compared as normalised text.
 */
import { compareNames, compareStrings, routineKey } from "../schema/names.js";
import type { Routine, Trigger } from "../schema/types.js";
import type { Change } from "./changes.js";
import { type Compare, deepEqual } from "./equal.js";
import { matchBy } from "./match.js";

const routineOrder = (a: Routine, b: Routine): number => compareNames(a, b) || compareStrings(a.signature, b.signature);

/** Routine changes; overloads are told apart by their signature. */
export function diffRoutines(from: readonly Routine[], to: readonly Routine[], cmp: Compare): Change[] {
  const m = matchBy(from, to, routineKey, routineOrder);
  const changes: Change[] = [
    ...m.removed.map((routine): Change => ({ kind: "drop-routine", routine })),
    ...m.added.map((routine): Change => ({ kind: "create-routine", routine })),
  ];
  for (const [a, b] of m.kept) {
    if (a.kind !== b.kind) changes.push({ kind: "drop-routine", routine: a }, { kind: "create-routine", routine: b });
    else if (!cmp.definition(a.definition, b.definition) || a.comment !== b.comment) changes.push({ kind: "replace-routine", from: a, to: b });
  }
  return changes;
}

const triggerKey = (t: Trigger): string => JSON.stringify([t.table.schema, t.table.name, t.name]);
const triggerOrder = (a: Trigger, b: Trigger): number => compareNames(a.table, b.table) || compareStrings(a.name, b.name);

/** Trigger changes; a trigger is named within its table. */
export function diffTriggers(from: readonly Trigger[], to: readonly Trigger[], cmp: Compare): Change[] {
  const m = matchBy(from, to, triggerKey, triggerOrder);
  const changes: Change[] = [
    ...m.removed.map((trigger): Change => ({ kind: "drop-trigger", trigger })),
    ...m.added.map((trigger): Change => ({ kind: "create-trigger", trigger })),
  ];
  for (const [a, b] of m.kept) {
    if (!cmp.definition(a.definition, b.definition) || !deepEqual(a.routine, b.routine) || a.schema !== b.schema) {
      changes.push({ kind: "drop-trigger", trigger: a }, { kind: "create-trigger", trigger: b });
    } else if (a.comment !== b.comment) {
      changes.push({ kind: "alter-trigger-comment", from: a, to: b });
    }
  }
  return changes;
}
