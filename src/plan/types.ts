/** The planner's output: changes in a safe order, each marked with what it risks. */
import type { Change } from "../diff/changes.js";
import type { Routine, Schema } from "../schema/types.js";

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
  /**
   * A foreign key needs an index that starts with its columns for as long as it exists (MySQL),
   * so the plan keeps one in place while indexes are dropped and added around renames.
   */
  readonly foreignKeyNeedsIndex?: boolean;
  /**
   * Whether the database checks a routine's body when the routine is created, so that what the
   * body names must exist by then. Missing: every body is checked.
   */
  routineBodyChecked?(routine: Routine): boolean;
  /**
   * The part of a routine's definition that the planner reads for what the routine needs before
   * it can be created (a body written as a string literal is left out). Missing: all of it.
   */
  routineHeader?(routine: Routine): string;
  /**
   * What a change risks on this database beyond what every database risks (a conversion to
   * another character set); merged with the generic risk. `from` and `to` are the whole schemas.
   */
  changeRisk?(change: Change, from: Schema, to: Schema): ChangeRisk | undefined;
}

/** The risk part of a plan step. */
export type ChangeRisk = Pick<PlanStep, "destructive" | "irreversible" | "warning">;

/** An ordered plan. */
export interface Plan {
  readonly steps: readonly PlanStep[];
}
