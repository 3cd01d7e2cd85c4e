/**
 * The order in which a plan runs, as one list. Each change kind belongs to one phase; inside a
 * phase, kinds run in the order they are listed here (the planner then orders tables by their
 * foreign keys and views by what they read).
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

/** Every change kind and its phase, listed in the order the kinds run. */
export const PHASE_OF = {
  // Dependants go first: triggers use routines and may sit on views; views may call routines.
  "drop-trigger": "drop-dependants",
  "drop-view": "drop-dependants",
  "drop-routine": "drop-dependants",
  // Foreign keys before the keys and columns they use.
  "drop-foreign-key": "drop-constraints",
  "drop-check": "drop-constraints",
  "drop-unique": "drop-constraints",
  "drop-index": "drop-constraints",
  "drop-primary-key": "drop-constraints",
  // Namespaces hold the rest; a domain may be over an enum; sequences feed column defaults.
  "create-namespace": "create-types",
  "create-extension": "create-types",
  "alter-extension": "create-types",
  "create-enum": "create-types",
  "add-enum-values": "create-types",
  "rebuild-enum": "create-types",
  "create-domain": "create-types",
  "alter-domain": "create-types",
  "create-sequence": "create-types",
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
  "create-routine": "create-dependants",
  "replace-routine": "create-dependants",
  "create-view": "create-dependants",
  "replace-view": "create-dependants",
  "create-trigger": "create-dependants",
  "drop-sequence": "drop-types",
  "drop-domain": "drop-types",
  "drop-enum": "drop-types",
  "drop-extension": "drop-types",
  "drop-namespace": "drop-types",
  "alter-namespace": "comments",
  "alter-enum-comment": "comments",
  "alter-view-comment": "comments",
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
