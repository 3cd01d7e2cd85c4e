/**
 * The objects a statement must drop first and create again after, as PostgreSQL refuses to drop
 * what others depend on: the views that read a view rebuilt by drop and create, and the views,
 * triggers and column defaults that call a routine dropped and created again. Dropping a view
 * drops its triggers with it, so the triggers of every such view come back too.
 */
import { qualifiedKey, sameName, sortByName } from "../../schema/names.js";
import type { QualifiedName, Routine, Schema, Table, Trigger, View } from "../../schema/types.js";
import { phaseRank } from "../../plan/phases.js";
import { viewReads } from "../../plan/views.js";
import { TABLE_ATTRS } from "./inspect-tables.js";
import { partKey, triggerKey, type RenderContext } from "./render-context.js";
import { quoteIdent } from "./quote.js";
import { unsupported } from "./render-sql.js";

/** `views` in an order each can be created in: after the ones among them it reads. */
export function inReadOrder(views: readonly View[]): View[] {
  const sorted = sortByName(views);
  const out: View[] = [];
  const placed = new Set<string>();
  const visit = (view: View, path: ReadonlySet<string>): void => {
    const key = qualifiedKey(view);
    if (placed.has(key) || path.has(key)) return;
    const inner = new Set([...path, key]);
    for (const other of sorted) if (other !== view && viewReads(view, other)) visit(other, inner);
    placed.add(key);
    out.push(view);
  };
  for (const view of sorted) visit(view, new Set());
  return out;
}

/** The views of `views` that read one of `seeds`, directly or through each other, seeds left out. */
export function readersOf(views: readonly View[], seeds: readonly View[]): View[] {
  const found = new Map(seeds.map((view) => [qualifiedKey(view), view]));
  const readers: View[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const view of views) {
      if (found.has(qualifiedKey(view)) || ![...found.values()].some((read) => viewReads(view, read))) continue;
      found.set(qualifiedKey(view), view);
      readers.push(view);
      grew = true;
    }
  }
  return inReadOrder(readers);
}

/** The triggers of `schema` on the given views, leaving out those a plan step creates. */
export function triggersOn(schema: Schema, views: readonly View[], createdByPlan: ReadonlySet<string>): Trigger[] {
  const keys = new Set(views.map(qualifiedKey));
  return schema.triggers.filter((t) => keys.has(qualifiedKey(t.table)) && !createdByPlan.has(triggerKey(t)));
}

/** Whether SQL text as the server prints it calls the routine `name`. */
function callsRoutine(text: string, name: string): boolean {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const forms = [escape(quoteIdent(name))];
  // The server prints a lower-case name without quotes.
  if (/^[a-z_][a-z0-9_$]*$/.test(name)) forms.push(`(?<![\\w$"])${escape(name)}`);
  return new RegExp(`(?:${forms.join("|")})\\s*\\(`).test(text);
}

/** A column's default. */
export interface ColumnDefault {
  readonly table: QualifiedName;
  readonly column: string;
  readonly default: string;
}

/** What calls a routine while it is dropped and created again, to go and come back around it. */
export interface RoutineUsers {
  /** Views that call it and the views that read those, in an order they can be created in. */
  readonly views: readonly View[];
  /** Triggers that call it or sit on one of those views. */
  readonly triggers: readonly Trigger[];
  /** Columns whose default calls it, with that default. */
  readonly defaults: readonly ColumnDefault[];
}

/** The schema as it is when a step runs, and the checks and indexes of it already dropped. */
interface LiveObjects extends Schema {
  readonly droppedParts: ReadonlySet<string>;
}

/**
 * The objects that exist when the step runs. Before the tables change (a routine's usual
 * phase) that is the old schema less what earlier steps dropped; once they have changed (a
 * routine that waits for them, among the views) it is the new schema less what later steps
 * create.
 */
function liveObjects(context: RenderContext): LiveObjects {
  if (phaseRank(context.phase) < phaseRank("rename")) {
    return {
      ...context.from,
      views: context.from.views.filter((v) => !context.droppedViews.has(qualifiedKey(v))),
      triggers: context.from.triggers.filter((t) => !context.droppedTriggers.has(triggerKey(t))),
      droppedParts: context.droppedParts,
    };
  }
  return {
    ...context.to,
    views: context.to.views.filter((v) => !context.createdViews.has(qualifiedKey(v))),
    triggers: context.to.triggers.filter((t) => !context.createdTriggers.has(triggerKey(t))),
    droppedParts: new Set(),
  };
}

/**
 * The views, triggers and defaults that call `routine` when the step runs. Checks,
 * indexes, generated columns, exclusion constraints and domains that call it cannot be taken
 * off and put back here, so they are refused before anything runs.
 */
export function routineUsers(routine: Routine, context: RenderContext): RoutineUsers {
  const live = liveObjects(context);
  const calls = (text: string | undefined): boolean => text !== undefined && callsRoutine(text, routine.name);
  const callers = live.views.filter((v) => calls(v.definition));
  const views = inReadOrder([...callers, ...readersOf(live.views, callers)]);
  const keys = new Set(views.map(qualifiedKey));
  const triggers = live.triggers.filter((t) => keys.has(qualifiedKey(t.table)) || calls(t.definition));
  const defaults = live.tables.flatMap((table) =>
    table.columns.flatMap((c) => (c.default !== undefined && !c.generated && calls(c.default) ? [{ table, column: c.name, default: c.default }] : [])),
  );
  const blockers = [
    ...live.tables.flatMap((table) => tableBlockers(table, calls, live.droppedParts)),
    ...live.domains.filter((d) => calls(d.default) || d.checks.some((c) => calls(c.expression))).map((d) => `domain ${d.schema}.${d.name}`),
    // A SQL-standard body records what it calls; a body in a string does not.
    ...live.routines
      .filter((r) => !sameName(r, routine) && /\bBEGIN\s+ATOMIC\b/i.test(r.definition) && calls(r.definition))
      .map((r) => `${r.kind} ${r.schema}.${r.name}(${r.signature})`),
  ];
  if (blockers.length > 0) {
    throw unsupported(
      `drop and re-create ${routine.kind} ${routine.schema}.${routine.name} (its result type or parameter defaults change) while ${blockers.join(", ")} call it`,
      "Take those calls off first (drop the checks or indexes, or change the defaults), change the function, then put them back in a later migration.",
    );
  }
  return { views, triggers, defaults };
}

/** The checks, indexes, generated columns and exclusion constraints of a table that call a routine. */
function tableBlockers(table: Table, calls: (text: string | undefined) => boolean, dropped: ReadonlySet<string>): string[] {
  const where = `${table.schema}.${table.name}`;
  const kept = (name: string | undefined): boolean => !dropped.has(partKey(table, name));
  return [
    ...table.checks.filter((c) => kept(c.name) && calls(c.expression)).map((c) => `check ${c.name ?? "(unnamed)"} on ${where}`),
    ...table.indexes
      .filter((i) => kept(i.name) && (calls(i.where) || i.parts.some((p) => calls(p.expression))))
      .map((i) => `index ${i.name} on ${where}`),
    ...table.columns.filter((c) => calls(c.generated?.expression)).map((c) => `generated column ${where}.${c.name}`),
    ...Object.entries(table.attrs ?? {})
      .filter(([key, value]) => key.startsWith(TABLE_ATTRS.excludePrefix) && calls(String(value)))
      .map(([key]) => `exclusion constraint ${key.slice(TABLE_ATTRS.excludePrefix.length)} on ${where}`),
  ];
}
