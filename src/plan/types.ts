/** The planner's output: changes in a safe order, each marked with what it risks. */
import type { Change } from "../diff/changes.js";

/** The phases of a plan, in the order they run (the list itself lives in phases.ts). */
export type PhaseName =
  | "drop-dependants"
  | "drop-constraints"
  | "create-types"
  | "rename"
  | "create-tables"
  | "alter-tables"
  | "drop-tables"
  | "add-constraints"
  | "create-dependants"
  | "drop-types"
  | "comments";

/** One ordered step: a change and what it risks. */
export interface PlanStep {
  readonly change: Change;
  readonly phase: PhaseName;
  /** It can lose data (drop table/column, narrowing type change, enum value removed). */
  readonly destructive: boolean;
  /** Its reverse cannot bring back what it removed. */
  readonly irreversible: boolean;
  /** Why it is destructive, in a few words a reviewer reads in a warning comment. */
  readonly warning?: string;
}

/** What the planner needs to know about the database. */
export interface PlanCapabilities {
  /** DDL can be rolled back (PostgreSQL, SQLite). */
  readonly transactionalDdl: boolean;
  /**
   * A foreign key can be added to an existing table with ALTER TABLE. SQLite cannot; it
   * accepts keys to tables that do not exist yet, so cycles stay inline there.
   */
  readonly addForeignKey: boolean;
}

/** An ordered plan. */
export interface Plan {
  readonly steps: readonly PlanStep[];
}
