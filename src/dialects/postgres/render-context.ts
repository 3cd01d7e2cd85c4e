/**
 * What a change's renderer may look at besides the change: both schemas, the phase its step
 * runs in, and which views, triggers, checks and indexes other steps of the plan drop or create,
 * so that a renderer that drops and re-creates objects around its statement never does twice
 * what a step does anyway.
 */
import { qualifiedKey } from "../../schema/names.js";
import type { QualifiedName, Schema, Trigger } from "../../schema/types.js";
import type { Plan, PhaseName } from "../../plan/types.js";

/** Everything a renderer may look at besides the change. */
export interface RenderContext {
  readonly from: Schema;
  readonly to: Schema;
  /** The phase of the step being rendered. */
  readonly phase: PhaseName;
  /** Views that a create-view step of the plan makes (qualifiedKey). */
  readonly createdViews: ReadonlySet<string>;
  /** Views that a drop-view step of the plan drops (qualifiedKey). */
  readonly droppedViews: ReadonlySet<string>;
  /** Triggers that a create-trigger step makes (triggerKey). */
  readonly createdTriggers: ReadonlySet<string>;
  /** Triggers that a drop-trigger step drops (triggerKey). */
  readonly droppedTriggers: ReadonlySet<string>;
  /** Checks and indexes that a drop-check or drop-index step drops (partKey). */
  readonly droppedParts: ReadonlySet<string>;
}

/** A key for a trigger: triggers are named within their table. */
export function triggerKey(trigger: Trigger): string {
  return JSON.stringify([trigger.table.schema, trigger.table.name, trigger.name]);
}

/** A key for a named part (check, index) of a table. */
export function partKey(table: QualifiedName, name: string | undefined): string {
  return JSON.stringify([table.schema, table.name, name ?? ""]);
}

/** The context of every step of `plan` but its phase. */
export function planContext(plan: Plan, from: Schema, to: Schema): Omit<RenderContext, "phase"> {
  const createdViews = new Set<string>();
  const droppedViews = new Set<string>();
  const createdTriggers = new Set<string>();
  const droppedTriggers = new Set<string>();
  const droppedParts = new Set<string>();
  for (const { change: c } of plan.steps) {
    if (c.kind === "create-view") createdViews.add(qualifiedKey(c.view));
    else if (c.kind === "drop-view") droppedViews.add(qualifiedKey(c.view));
    else if (c.kind === "create-trigger") createdTriggers.add(triggerKey(c.trigger));
    else if (c.kind === "drop-trigger") droppedTriggers.add(triggerKey(c.trigger));
    else if (c.kind === "drop-check") droppedParts.add(partKey(c.table, c.check.name));
    else if (c.kind === "drop-index") droppedParts.add(partKey(c.table, c.index.name));
  }
  return { from, to, createdViews, droppedViews, createdTriggers, droppedTriggers, droppedParts };
}
