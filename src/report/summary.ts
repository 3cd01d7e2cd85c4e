/** Counts of a plan's changes, shared by the reports' headers and summaries. */
import { CHANGE_KINDS, type ChangeKind } from "../diff/changes.js";
import type { PlanStep } from "../plan/types.js";
import { kindLabel } from "./describe.js";

/** How many changes of each kind, in CHANGE_KINDS order, kinds with none left out. */
export function countByKind(steps: readonly PlanStep[]): [label: string, count: number, kind: ChangeKind][] {
  const counts = new Map<ChangeKind, number>();
  for (const step of steps) counts.set(step.change.kind, (counts.get(step.change.kind) ?? 0) + 1);
  return CHANGE_KINDS.filter((kind) => counts.has(kind)).map((kind) => [kindLabel(kind), counts.get(kind)!, kind]);
}

/** "71 changes (3 destructive) in 64 statements". */
export function summaryLine(steps: readonly PlanStep[], statements: number): string {
  const destructive = steps.filter((s) => s.destructive).length;
  return `${plural(steps.length, "change")} (${destructive} destructive) in ${plural(statements, "statement")}`;
}

/** "1 change", "2 changes". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
