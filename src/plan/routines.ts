/**
 * Where routines run. A routine is created early, among the types: after the enums, domains,
 * sequences and routines it names, before the tables, domains, defaults, checks, generated
 * columns and indexes that call it. The exception is a routine whose body the database checks
 * at creation (PlanCapabilities.routineBodyChecked) and that names a table or view this plan
 * creates or changes: it waits for them, among the views. A dropped routine goes late, among
 * the types again, after the tables, columns, views and domains that call it are gone; it goes first
 * instead when a routine of the same name is created (it may be the same one), when its
 * checked body names a table or view this plan drops or changes, or when its arguments or
 * result use an enum that is rebuilt. Triggers that call a routine dropped and created again
 * are dropped before it and created again after.
 */
import { changeTable, type Change } from "../diff/changes.js";
import { qualifiedKey, routineKey, sameName } from "../schema/names.js";
import type { Routine, Schema, Trigger } from "../schema/types.js";
import { mentions, NameSet } from "./mentions.js";
import type { PhaseName, PlanCapabilities } from "./types.js";

/** The part of a routine's definition read for what it needs before it is created. */
export function routineHeader(r: Routine, caps: PlanCapabilities): string {
  return caps.routineHeader?.(r) ?? r.definition;
}

/** Whether the database checks the routine's body when it is created. */
function bodyIsChecked(r: Routine, caps: PlanCapabilities): boolean {
  return caps.routineBodyChecked?.(r) ?? true;
}

/** Names of the tables and views that any change of the plan creates, drops or changes. */
function touchedRelations(changes: readonly Change[]): NameSet {
  const names = new NameSet();
  for (const c of changes) {
    const table = changeTable(c);
    if (table) names.add(table.name);
    if (c.kind === "alter-table" || c.kind === "rename-table") names.add(c.from.name);
    else if (c.kind === "replace-view") names.add(c.to.name);
    else if (c.kind === "create-view" || c.kind === "drop-view") names.add(c.view.name);
  }
  return names;
}

/**
 * Keys of routines the plan drops while it creates one of the same name. That is the same
 * routine when only its kind or its parameter names change (the signature names them), so the
 * old one must go first; for an overload going first does no harm.
 */
export function recreatedRoutines(changes: readonly Change[]): Set<string> {
  const created = new Set(changes.flatMap((c) => (c.kind === "create-routine" ? [qualifiedKey(c.routine)] : [])));
  return new Set(changes.flatMap((c) => (c.kind === "drop-routine" && created.has(qualifiedKey(c.routine)) ? [routineKey(c.routine)] : [])));
}

/** Creates that must wait for the relations their checked bodies read, and routines that call those. */
function lateCreates(changes: readonly Change[], caps: PlanCapabilities): Set<Routine> {
  const made = changes.flatMap((c) => (c.kind === "create-routine" ? [c.routine] : c.kind === "replace-routine" ? [c.to] : []));
  const late = new Set<Routine>();
  const names = touchedRelations(changes);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of made) {
      if (late.has(r) || !bodyIsChecked(r, caps) || !names.foundIn(r.definition)) continue;
      late.add(r);
      names.add(r.name);
      grew = true;
    }
  }
  return late;
}

/** The phase of each routine step that does not run in its kind's usual phase. */
export function routinePhases(changes: readonly Change[], caps: PlanCapabilities): (change: Change) => PhaseName | undefined {
  const touched = touchedRelations(changes);
  const late = lateCreates(changes, caps);
  const again = recreatedRoutines(changes);
  const rebuilt = new NameSet(changes.flatMap((c) => (c.kind === "rebuild-enum" ? [c.from.name] : [])));
  const early = (r: Routine): boolean =>
    again.has(routineKey(r)) || (bodyIsChecked(r, caps) && touched.foundIn(r.definition)) || rebuilt.foundIn(routineHeader(r, caps));
  return (c) => {
    if (c.kind === "create-routine" && late.has(c.routine)) return "create-dependants";
    if (c.kind === "replace-routine" && late.has(c.to)) return "create-dependants";
    if (c.kind === "drop-routine" && early(c.routine)) return "drop-dependants";
    return undefined;
  };
}

function calls(trigger: Trigger, routine: Routine): boolean {
  return trigger.routine ? sameName(trigger.routine, routine) : mentions(trigger.definition, routine.name);
}

/** Triggers that call a routine the plan drops and creates again: dropped before, created after. */
export function recreateRoutineTriggers(changes: readonly Change[], from: Schema, to: Schema): Change[] {
  const again = recreatedRoutines(changes);
  const routines = changes.flatMap((c) => (c.kind === "drop-routine" && again.has(routineKey(c.routine)) ? [c.routine] : []));
  if (routines.length === 0) return [...changes];
  const key = (t: Trigger): string => JSON.stringify([qualifiedKey(t.table), t.name]);
  const dropped = new Set(changes.flatMap((c) => (c.kind === "drop-trigger" ? [key(c.trigger)] : [])));
  const target = new Map(to.triggers.map((t) => [key(t), t]));
  const out = [...changes];
  for (const trigger of from.triggers) {
    const next = target.get(key(trigger));
    if (dropped.has(key(trigger)) || !next || !routines.some((r) => calls(trigger, r))) continue;
    out.push({ kind: "drop-trigger", trigger }, { kind: "create-trigger", trigger: next });
  }
  return out;
}
