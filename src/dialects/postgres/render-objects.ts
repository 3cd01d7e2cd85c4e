/** PostgreSQL DDL for views, materialized views, functions, procedures and triggers. */
import { qualifiedKey } from "../../schema/names.js";
import type { Routine, Trigger, View } from "../../schema/types.js";
import { VIEW_WITH } from "./inspect-objects.js";
import type { RenderContext } from "./render-context.js";
import { inReadOrder, readersOf, routineUsers, triggersOn, type ColumnDefault } from "./render-dependants.js";
import { createIndex } from "./render-tables.js";
import { commentSql, ident, identList, qname, triggerCommentSql, type Piece } from "./render-sql.js";
import { withOptionsSql } from "./sql-values.js";

function viewKind(view: View): string {
  return view.materialized ? "MATERIALIZED VIEW" : "VIEW";
}

function viewHead(view: View, replace: boolean): string {
  const columns = view.columns?.length ? ` (${identList(view.columns)})` : "";
  const withSql = withOptionsSql(view.attrs?.[VIEW_WITH]);
  return `CREATE ${replace ? "OR REPLACE " : ""}${viewKind(view)} ${qname(view)}${columns}${withSql} AS\n${view.definition}`;
}

/** CREATE [MATERIALIZED] VIEW plus the indexes of a materialized one and its comment. */
export function createView(view: View): Piece[] {
  return [
    { sql: viewHead(view, false) },
    ...(view.indexes ?? []).flatMap((index) => createIndex(view, index)),
    ...(view.comment !== undefined ? [{ sql: commentSql(viewKind(view), qname(view), view.comment) }] : []),
  ];
}

/** DROP [MATERIALIZED] VIEW IF EXISTS: rebuilding a view it reads may have dropped it already. */
export function dropView(view: View): Piece[] {
  return [{ sql: `DROP ${viewKind(view)} IF EXISTS ${qname(view)}` }];
}

/** Whether CREATE OR REPLACE VIEW can make `to` out of `from`: it may only add columns at the end. */
function replaceable(from: View, to: View): boolean {
  if (from.materialized || to.materialized) return false;
  if (!from.columns || !to.columns) return true;
  return from.columns.every((column, at) => to.columns![at] === column);
}

/**
 * A view whose definition changed: CREATE OR REPLACE VIEW where PostgreSQL allows it (a comment
 * change comes as its own step), else drop and create. Views that read it are dropped first and
 * created again from the target schema, unless a later step of the plan creates them anyway;
 * dropping took the triggers of all of them, so those come back too.
 */
export function replaceView(from: View, to: View, context: RenderContext): Piece[] {
  if (replaceable(from, to)) return [{ sql: viewHead(to, true) }];
  const readers = readersOf(context.from.views, [from]);
  const targets = new Map(context.to.views.map((view) => [qualifiedKey(view), view]));
  const recreate = inReadOrder(
    readers.flatMap((reader) => {
      const target = targets.get(qualifiedKey(reader));
      return target && !context.createdViews.has(qualifiedKey(reader)) ? [target] : [];
    }),
  );
  return [
    ...[...readers].reverse().flatMap(dropView),
    { sql: `DROP ${viewKind(from)} ${qname(from)}` },
    ...createView(to),
    ...recreate.flatMap(createView),
    ...triggersOn(context.to, [to, ...recreate], context.createdTriggers).flatMap(createTrigger),
  ];
}

/** A view's comment changed. */
export function alterViewComment(to: View): Piece[] {
  return [{ sql: commentSql(viewKind(to), qname(to), to.comment) }];
}

function routineTarget(routine: Routine): string {
  return `${routine.kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${qname(routine)}(${routine.signature})`;
}

/** A routine's definition as CREATE OR REPLACE, whichever way it was written. */
function replacing(definition: string): string {
  return definition.replace(/^\s*CREATE\s+(?!OR\s+REPLACE\b)/i, "CREATE OR REPLACE ");
}

/** The routine's CREATE statement as the server printed it, plus its comment. */
export function createRoutine(routine: Routine): Piece[] {
  const pieces: Piece[] = [{ sql: replacing(routine.definition) }];
  if (routine.comment !== undefined) pieces.push({ sql: commentSql(...splitTarget(routine), routine.comment) });
  return pieces;
}

function splitTarget(routine: Routine): [string, string] {
  const target = routineTarget(routine);
  const space = target.indexOf(" ");
  return [target.slice(0, space), target.slice(space + 1)];
}

/** DROP FUNCTION or PROCEDURE with its argument types, so one overload goes. */
export function dropRoutine(routine: Routine): Piece[] {
  return [{ sql: `DROP ${routineTarget(routine)}` }];
}

/**
 * The parts of a definition CREATE OR REPLACE cannot change: the first line (parameter names,
 * defaults and modes) and the RETURNS line, as pg_get_functiondef lays them out.
 */
function fixedHeader(routine: Routine): string {
  const lines = routine.definition.trim().split("\n");
  return [routine.kind, lines[0]!, ...lines.slice(1).filter((line) => /^\s*RETURNS\b/i.test(line))].join("\n");
}

/**
 * A routine whose definition or comment changed: CREATE OR REPLACE, or drop and create when
 * its parameter defaults or result type changed, which PostgreSQL cannot replace in place. The
 * views, triggers and column defaults that call it would block the drop: they are taken off
 * before and put back after, as they are when the step runs.
 */
export function replaceRoutine(from: Routine, to: Routine, context: RenderContext): Piece[] {
  if (fixedHeader(from) !== fixedHeader(to)) {
    const users = routineUsers(from, context);
    const alter = (u: ColumnDefault): string => `ALTER TABLE ${qname(u.table)} ALTER COLUMN ${ident(u.column)}`;
    return [
      ...users.triggers.flatMap(dropTrigger),
      ...[...users.views].reverse().flatMap(dropView),
      ...users.defaults.map((u) => ({ sql: `${alter(u)} DROP DEFAULT` })),
      ...dropRoutine(from),
      ...createRoutine(to),
      ...users.defaults.map((u) => ({ sql: `${alter(u)} SET DEFAULT ${u.default}` })),
      ...users.views.flatMap(createView),
      ...users.triggers.flatMap(createTrigger),
    ];
  }
  const pieces: Piece[] = [];
  if (from.definition !== to.definition) pieces.push({ sql: replacing(to.definition) });
  if (from.comment !== to.comment) pieces.push({ sql: commentSql(...splitTarget(to), to.comment) });
  return pieces;
}

/** The trigger's CREATE statement as the server printed it, plus its comment. */
export function createTrigger(trigger: Trigger): Piece[] {
  return [{ sql: trigger.definition }, ...(trigger.comment !== undefined ? [{ sql: triggerCommentSql(trigger, trigger.comment) }] : [])];
}

/** A trigger's comment changed. */
export function alterTriggerComment(to: Trigger): Piece[] {
  return [{ sql: triggerCommentSql(to, to.comment) }];
}

/** DROP TRIGGER ... ON its table. */
export function dropTrigger(trigger: Trigger): Piece[] {
  return [{ sql: `DROP TRIGGER ${ident(trigger.name)} ON ${qname(trigger.table)}` }];
}
