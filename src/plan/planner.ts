/**
 * The planner: adds the steps that dependencies call for (views, triggers, foreign keys, checks
 * and indexes around the changes that block them, sequence ownership), puts every step in its
 * phase (phases.ts, routines.ts), then orders tables by foreign keys and partition parents, and
 * types, routines and views by what they need (dependencies.ts), and marks what each step risks.
 */
import type { Change, ChangeKind } from "../diff/changes.js";
import { qualifiedKey } from "../schema/names.js";
import type { QualifiedName, Schema } from "../schema/types.js";
import { dependencyPositions } from "./dependencies.js";
import { aroundEnumRebuilds } from "./enum-rebuilds.js";
import { keepForeignKeysCovered } from "./foreign-key-indexes.js";
import { placeCreatedTables, placeDroppedTables, readdForeignKeys } from "./foreign-keys.js";
import { kindRank, PHASE_OF, phaseRank } from "./phases.js";
import { renameLookup } from "./renames.js";
import { stepRisk } from "./risks.js";
import { recreateRoutineTriggers, routinePhases } from "./routines.js";
import { placeSequenceOwners } from "./sequences.js";
import type { Plan, PlanCapabilities, PhaseName } from "./types.js";
import { recreateDependentViews } from "./views.js";

/**
 * The kind a kind is ordered as when it shares a dependency order: changes and drops go with
 * creates (drops are then reversed).
 */
const BASE_KIND: Partial<Record<ChangeKind, ChangeKind>> = {
  "add-enum-values": "create-enum",
  "rebuild-enum": "create-enum",
  "drop-enum": "create-enum",
  "alter-domain": "create-domain",
  "drop-domain": "create-domain",
  "drop-sequence": "create-sequence",
  "replace-routine": "create-routine",
  "drop-routine": "create-routine",
  "replace-view": "create-view",
  "drop-view": "create-view",
};

/** The kinds ordered by dependencies inside a phase; they share the rank of the first kind listed. */
const DEPENDENCY_GROUPS: readonly { readonly phase: PhaseName; readonly kinds: readonly ChangeKind[]; readonly reverse: boolean }[] = [
  {
    phase: "create-types",
    kinds: ["create-sequence", "create-enum", "add-enum-values", "rebuild-enum", "create-domain", "alter-domain", "create-routine", "replace-routine"],
    reverse: false,
  },
  { phase: "create-dependants", kinds: ["create-view", "create-routine", "replace-routine", "replace-view"], reverse: false },
  { phase: "drop-dependants", kinds: ["drop-view"], reverse: true },
  { phase: "drop-types", kinds: ["drop-routine", "drop-domain", "drop-sequence", "drop-enum"], reverse: true },
];

const baseRank = (c: Change): number => kindRank(BASE_KIND[c.kind] ?? c.kind);

/** Each step's [rank, position among its rank]: kind order, refined by tables and dependency groups. */
function slots(changes: readonly Change[], phases: readonly PhaseName[], created: readonly QualifiedName[], dropped: readonly QualifiedName[]): [number, number][] {
  const out: [number, number][] = changes.map((c) => [kindRank(c.kind), 0]);
  const createdAt = new Map(created.map((t, i) => [qualifiedKey(t), i]));
  const droppedAt = new Map(dropped.map((t, i) => [qualifiedKey(t), i]));
  changes.forEach((c, i) => {
    if (c.kind === "create-table") out[i]![1] = createdAt.get(qualifiedKey(c.table)) ?? 0;
    else if (c.kind === "drop-table") out[i]![1] = droppedAt.get(qualifiedKey(c.table)) ?? 0;
  });
  for (const group of DEPENDENCY_GROUPS) {
    const members = changes.flatMap((c, i) => (phases[i] === group.phase && group.kinds.includes(c.kind) ? [i] : []));
    const rank = kindRank(group.kinds[0]!);
    for (const [i, at] of dependencyPositions(changes, members, baseRank, group.reverse)) out[i] = [rank, at];
  }
  return out;
}

/** Adds the steps that blocked changes need around them. */
function withDependants(changes: readonly Change[], from: Schema, to: Schema, caps: PlanCapabilities): Change[] {
  const renames = renameLookup(changes);
  let work = aroundEnumRebuilds(changes, from, to, renames, caps);
  work = recreateRoutineTriggers(work, from, to);
  work = recreateDependentViews(work, from, to, renames);
  if (caps.addForeignKey) work = readdForeignKeys(work, from, to, renames);
  work = keepForeignKeysCovered(work, from, to, renames, caps);
  return placeSequenceOwners(work);
}

/** Orders `changes` (from diff(from, to)) into a plan the database can run step by step. */
export function plan(changes: readonly Change[], from: Schema, to: Schema, caps: PlanCapabilities): Plan {
  const created = placeCreatedTables(withDependants(changes, from, to, caps), caps);
  const dropped = placeDroppedTables(created.changes, caps);
  const work = dropped.changes;
  const moved = routinePhases(work, caps);
  const phases = work.map((c) => moved(c) ?? PHASE_OF[c.kind]);
  const slot = slots(work, phases, created.order, dropped.order);
  const keyed = work.map((change, index) => ({ change, phase: phases[index]!, sortKey: [phaseRank(phases[index]!), ...slot[index]!, index] }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.sortKey.length; i++) {
      const d = a.sortKey[i]! - b.sortKey[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  return { steps: keyed.map(({ change, phase }) => ({ change, phase, ...stepRisk(change, caps, from, to) })) };
}
