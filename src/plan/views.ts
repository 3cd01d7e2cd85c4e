/**
 * Views around the changes they block. PostgreSQL refuses to drop a column, change its type or
 * drop a table while a view reads it, to drop a routine while a view calls it, and to drop an
 * enum (as a rebuild does) while a view casts to it; so such views are dropped first and
 * created again afterwards, and so are the views that read those views.
 */
import type { Change } from "../diff/changes.js";
import { qualifiedKey, routineKey, sameName, sortByName } from "../schema/names.js";
import type { QualifiedName, Schema, Table, View } from "../schema/types.js";
import { typeIs } from "./dependencies.js";
import { mentions, NameSet } from "./mentions.js";
import type { RenameLookup } from "./renames.js";
import { recreatedRoutines } from "./routines.js";

/**
 * Whether `view` reads `name`: from its dependsOn where the inspector filled it, otherwise
 * from its text, which may see a read that is not there but never misses one.
 */
export function viewReads(view: View, name: QualifiedName): boolean {
  if (view.dependsOn) return view.dependsOn.some((d) => sameName(d, name));
  return mentions(view.definition, name.name);
}

/** Tables (by their old name) whose change a reading view would block. */
function blockingTables(changes: readonly Change[], from: Schema, renames: RenameLookup): QualifiedName[] {
  const keys = new Map<string, QualifiedName>();
  const block = (name: QualifiedName): void => void keys.set(qualifiedKey(name), name);
  const rebuilt: QualifiedName[] = [];
  for (const c of changes) {
    if (c.kind === "drop-table") block(c.table);
    else if (c.kind === "drop-column" || (c.kind === "alter-column" && c.what.includes("type"))) block(renames.oldTable(c.table));
    else if (c.kind === "rebuild-enum") rebuilt.push(c.from);
  }
  const usesRebuilt = (t: Table): boolean => t.columns.some((col) => rebuilt.some((e) => typeIs(col.type, e)));
  for (const t of from.tables) if (usesRebuilt(t)) block(t);
  return [...keys.values()];
}

/** Names a view must not mention while they change: rebuilt enums, routines dropped and created again. */
function blockingNames(changes: readonly Change[]): NameSet {
  const again = recreatedRoutines(changes);
  return new NameSet(
    changes.flatMap((c) => (c.kind === "rebuild-enum" ? [c.from.name] : c.kind === "drop-routine" && again.has(routineKey(c.routine)) ? [c.routine.name] : [])),
  );
}

/**
 * Old views that must be dropped and created again: readers of blocked tables, transitively.
 * Only views the target has too, so a view outside a diff's filter is never lost.
 */
function viewsToRecreate(changes: readonly Change[], from: Schema, to: Schema, renames: RenameLookup): View[] {
  const tables = blockingTables(changes, from, renames);
  const dropped = new Set(changes.flatMap((c) => (c.kind === "drop-view" ? [qualifiedKey(c.view)] : [])));
  const views = sortByName(from.views);
  const affected = new Map<string, View>();
  const blockers = views.filter((v) => dropped.has(qualifiedKey(v)));
  const names = blockingNames(changes);
  const reads = (v: View): boolean =>
    tables.some((t) => viewReads(v, t)) || blockers.some((b) => viewReads(v, b)) || names.foundIn(v.definition);
  let grew = true;
  while (grew) {
    grew = false;
    for (const v of views) {
      const key = qualifiedKey(v);
      if (affected.has(key) || !reads(v)) continue;
      affected.set(key, v);
      blockers.push(v);
      grew = true;
    }
  }
  const kept = new Set(to.views.map(qualifiedKey));
  return [...affected.values()].filter((v) => !dropped.has(qualifiedKey(v)) && kept.has(qualifiedKey(v)));
}

function onView(c: Change, keys: Set<string>): boolean {
  switch (c.kind) {
    case "replace-view":
    case "alter-view-comment":
      return keys.has(qualifiedKey(c.from));
    case "create-index":
    case "drop-index":
    case "alter-index":
    case "rename-index":
      return keys.has(qualifiedKey(c.table));
    // The trigger is dropped with its view and created again with its new comment.
    case "alter-trigger-comment":
      return keys.has(qualifiedKey(c.to.table));
    default:
      return false;
  }
}

/** The changes with blocking views dropped before and created after (with their triggers). */
export function recreateDependentViews(changes: readonly Change[], from: Schema, to: Schema, renames: RenameLookup): Change[] {
  const views = viewsToRecreate(changes, from, to, renames);
  if (views.length === 0) return [...changes];
  const keys = new Set(views.map(qualifiedKey));
  const target = new Map(to.views.map((v) => [qualifiedKey(v), v]));
  const has = (kind: "drop-trigger" | "create-trigger", t: { table: QualifiedName; name: string }): boolean =>
    changes.some((c) => c.kind === kind && sameName(c.trigger.table, t.table) && c.trigger.name === t.name);
  const out = changes.filter((c) => !onView(c, keys));
  for (const view of views) out.push({ kind: "drop-view", view }, { kind: "create-view", view: target.get(qualifiedKey(view))! });
  for (const t of from.triggers) if (keys.has(qualifiedKey(t.table)) && !has("drop-trigger", t)) out.push({ kind: "drop-trigger", trigger: t });
  for (const t of to.triggers) if (keys.has(qualifiedKey(t.table)) && !has("create-trigger", t)) out.push({ kind: "create-trigger", trigger: t });
  return out;
}
