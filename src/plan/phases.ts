/**
 * The order in which a plan runs, as one list. Each change kind belongs to one phase; inside a
 * phase, kinds run in the order they are listed here (the planner then orders tables by their
 * foreign keys and partition parents, and types, routines and views by what they need).
 */
import type { ChangeKind } from "../diff/changes.js";
import type { PhaseName } from "./types.js";

/** The phases, in the order they run. */
export const PHASES: readonly PhaseName[] = [
  "drop-dependants",
  "drop-constraints",
  "create-types",
  "rename",
  "create-tables",
  "alter-tables",
  "drop-tables",
  "add-constraints",
  "create-dependants",
  "drop-types",
  "comments",
];

/**
 * Every change kind and the phase it usually runs in, listed in the order the kinds run. Some
 * routine steps run elsewhere (routines.ts says which and why); inside "create-types",
 * "create-dependants" and "drop-types" the objects of the kinds marked below are ordered by
 * what they need (dependencies.ts) rather than by kind.
 */
export const PHASE_OF = {
  // Dependants go first: triggers use routines and may sit on views.
  "drop-trigger": "drop-dependants",
  "drop-view": "drop-dependants",
  // Foreign keys before the keys and columns they use.
  "drop-foreign-key": "drop-constraints",
  "drop-check": "drop-constraints",
  "drop-unique": "drop-constraints",
  "drop-index": "drop-constraints",
  "drop-primary-key": "drop-constraints",
  // Namespaces hold the rest. From create-sequence on, by dependencies: sequences feed
  // defaults; domains sit on enums and other domains; routines take and return both, and
  // defaults, checks, generated columns and indexes of the tables call them.
  "create-namespace": "create-types",
  "create-extension": "create-types",
  "alter-extension": "create-types",
  "create-sequence": "create-types",
  "create-enum": "create-types",
  "add-enum-values": "create-types",
  "rebuild-enum": "create-types",
  "create-domain": "create-types",
  "alter-domain": "create-types",
  "create-routine": "create-types",
  "replace-routine": "create-types",
  "rename-table": "rename",
  "rename-column": "rename",
  "rename-index": "rename",
  "create-table": "create-tables",
  "alter-table": "alter-tables",
  "add-column": "alter-tables",
  "alter-column": "alter-tables",
  // After columns are added (a sequence may become OWNED BY one) and before columns are
  // dropped (a sequence released with OWNED BY NONE outlives its column).
  "alter-sequence": "alter-tables",
  "drop-column": "alter-tables",
  "drop-table": "drop-tables",
  "add-primary-key": "add-constraints",
  "add-unique": "add-constraints",
  "add-check": "add-constraints",
  "create-index": "add-constraints",
  "alter-index": "add-constraints",
  // Last among constraints: the keys they reference exist by now.
  "add-foreign-key": "add-constraints",
  // Views by dependencies, with the routines that had to wait for tables; triggers after.
  "create-view": "create-dependants",
  "replace-view": "create-dependants",
  "create-trigger": "create-dependants",
  // By dependencies, dependants first: routines and domains before the types they use.
  "drop-routine": "drop-types",
  "drop-domain": "drop-types",
  "drop-sequence": "drop-types",
  "drop-enum": "drop-types",
  "drop-extension": "drop-types",
  "drop-namespace": "drop-types",
  "alter-namespace": "comments",
  "alter-enum-comment": "comments",
  "alter-view-comment": "comments",
  // After every step that drops and creates a constraint or trigger again (around a replaced
  // routine, say), so that the comment set last is the target's.
  "alter-constraint-comment": "comments",
  "alter-trigger-comment": "comments",
} as const satisfies Record<ChangeKind, PhaseName>;

const KIND_RANK = new Map(Object.keys(PHASE_OF).map((kind, i) => [kind, i]));

/** Where a kind runs relative to the others: its position in PHASE_OF. */
export function kindRank(kind: ChangeKind): number {
  return KIND_RANK.get(kind)!;
}

/** The position of a phase in PHASES. */
export function phaseRank(phase: PhaseName): number {
  return PHASES.indexOf(phase);
}
