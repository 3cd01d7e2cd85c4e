/**
 * The planner: adds the steps that dependencies call for (views and foreign keys around the
 * changes that block them, sequence ownership), orders every step by phase (phases.ts), then
 * tables by foreign keys and views by what they read, and marks what each step risks.
 */
import type { Change, ChangeKind } from "../diff/changes.js";
import { qualifiedKey, sortByName } from "../schema/names.js";
import type { QualifiedName, Schema, View } from "../schema/types.js";
import { placeCreatedTables, placeDroppedTables, readdForeignKeys } from "./foreign-keys.js";
import { graphOrder } from "./order.js";
import { kindRank, PHASE_OF, phaseRank } from "./phases.js";
import { renameLookup } from "./renames.js";
import { riskOf } from "./risks.js";
import { placeSequenceOwners } from "./sequences.js";
import type { Plan, PlanCapabilities } from "./types.js";
import { recreateDependentViews, viewReads } from "./views.js";

/** Views in an order where each comes after the views it reads. */
function viewOrder(views: readonly View[]): string[] {
  const sorted = sortByName(views);
  const byKey = new Map(sorted.map((v) => [qualifiedKey(v), v]));
  const reads = (key: string): string[] => {
    const view = byKey.get(key)!;
    return sorted.filter((other) => other !== view && viewReads(view, other)).map(qualifiedKey);
  };
  return [...graphOrder([...byKey.keys()], reads).order];
}

function positions(keys: readonly string[]): Map<string, number> {
  return new Map(keys.map((k, i) => [k, i]));
}

/** The position of each change among its kind: tables by foreign keys, views by reads. */
function groupRanks(changes: readonly Change[], created: readonly QualifiedName[], dropped: readonly QualifiedName[]): (c: Change) => number {
  const createdAt = positions(created.map(qualifiedKey));
  const droppedAt = positions(dropped.map(qualifiedKey));
  const madeViews = changes.flatMap((c) => (c.kind === "create-view" ? [c.view] : c.kind === "replace-view" ? [c.to] : []));
  const madeAt = positions(viewOrder(madeViews));
  const droppedViews = changes.flatMap((c) => (c.kind === "drop-view" ? [c.view] : []));
  const droppedViewAt = positions(viewOrder(droppedViews).reverse());
  return (c) => {
    switch (c.kind) {
      case "create-table":
        return createdAt.get(qualifiedKey(c.table)) ?? 0;
      case "drop-table":
        return droppedAt.get(qualifiedKey(c.table)) ?? 0;
      case "create-view":
        return madeAt.get(qualifiedKey(c.view)) ?? 0;
      case "replace-view":
        return madeAt.get(qualifiedKey(c.to)) ?? 0;
      case "drop-view":
        return droppedViewAt.get(qualifiedKey(c.view)) ?? 0;
      default:
        return 0;
    }
  };
}

// Created and replaced views are ordered together, by what they read.
const rankOf = (kind: ChangeKind): number => kindRank(kind === "replace-view" ? "create-view" : kind);

/** Orders `changes` (from diff(from, to)) into a plan the database can run step by step. */
export function plan(changes: readonly Change[], from: Schema, to: Schema, caps: PlanCapabilities): Plan {
  const renames = renameLookup(changes);
  let work = recreateDependentViews(changes, from, to, renames);
  if (caps.addForeignKey) work = readdForeignKeys(work, from, to, renames);
  work = placeSequenceOwners(work);
  const created = placeCreatedTables(work, caps);
  const dropped = placeDroppedTables(created.changes, caps);
  work = dropped.changes;
  const group = groupRanks(work, created.order, dropped.order);
  const keyed = work.map((change, index) => ({
    change,
    sortKey: [phaseRank(PHASE_OF[change.kind]), rankOf(change.kind), group(change), index],
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.sortKey.length; i++) {
      const d = a.sortKey[i]! - b.sortKey[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return { steps: keyed.map(({ change }) => ({ change, phase: PHASE_OF[change.kind], ...riskOf(change) })) };
}
