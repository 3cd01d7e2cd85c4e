/**
 * The SQLite renderer: a plan becomes DDL. What ALTER TABLE can do runs as ALTER TABLE;
 * everything else about a table becomes one table rebuild (rebuild-table.ts) carrying all
 * of that table's steps; view and trigger drops run first (render-views.ts).
 */
import type { RenderedStatement } from "../dialect.js";
import type { Plan } from "../../plan/types.js";
import type { Schema } from "../../schema/types.js";
import { literal, quoteIdent as q } from "./quote.js";
import { changeSql, type RenderState } from "./render-change.js";
import { RenderContext } from "./render-context.js";
import { ViewRecreation } from "./render-views.js";
import { planRebuilds, rebuildSql, type RebuildGroup } from "./rebuild-table.js";

const GUARD = `temp.${q("_shale_rebuild_guard")}`;

/** Collects statements, marking as destructive those whose steps are. */
class Output {
  readonly statements: RenderedStatement[] = [];

  constructor(private readonly plan: Plan) {}

  add(sql: string, steps: readonly number[], extra: { destructive?: boolean; comment?: string; noTransaction?: boolean } = {}): void {
    const destructive = extra.destructive ?? steps.some((i) => this.plan.steps[i]!.destructive);
    this.statements.push({
      sql,
      steps: [...steps],
      destructive,
      ...(extra.comment !== undefined ? { comment: extra.comment } : {}),
      ...(extra.noTransaction ? { noTransaction: true } : {}),
    });
  }
}

/** Renders an ordered plan as SQLite DDL; `from` and `to` give the whole tables a rebuild needs. */
export function render(plan: Plan, from: Schema, to: Schema): RenderedStatement[] {
  const ctx = new RenderContext(plan, from, to);
  const groups = planRebuilds(ctx);
  const views = new ViewRecreation(ctx);
  const out = new Output(plan);
  const skip = new Set(views.hoisted);
  const groupAt = new Map<number, RebuildGroup>();
  for (const group of groups) {
    groupAt.set(group.first, group);
    for (const i of group.steps) if (i !== group.first) skip.add(i);
  }
  const carried = absorbIntoDrops(ctx, skip);
  const renamed = new Set<string>();
  const state: RenderState = { currentName: (name) => (renamed.has(name) ? name : ctx.sourceName(name)) };
  const offSteps = groups.filter((g) => g.foreignKeysOff).flatMap((g) => g.steps);
  if (offSteps.length) foreignKeysOff(out, offSteps);
  for (const s of views.prologue()) out.add(s.sql, s.steps, s.comment === undefined ? {} : { comment: s.comment });
  ctx.steps.forEach(({ change }, i) => {
    if (skip.has(i)) return;
    const group = groupAt.get(i);
    if (group) {
      renderRebuild(out, ctx, group, state, renamed);
      return;
    }
    for (const sql of changeSql(change, ctx, state)) out.add(sql, [i, ...(carried.get(i) ?? [])]);
    if (change.kind === "rename-table") renamed.add(change.to.name);
    const view = change.kind === "create-view" ? change.view.name : change.kind === "replace-view" ? change.to.name : undefined;
    if (view !== undefined) for (const s of views.created(view, i)) out.add(s.sql, s.steps);
  });
  for (const s of views.remaining()) out.add(s.sql, s.steps);
  if (offSteps.length) foreignKeysOn(out, ctx, groups, offSteps);
  return out.statements;
}

/** Index steps of a dropped table that come after its DROP TABLE: the drop already took them. */
function absorbIntoDrops(ctx: RenderContext, skip: Set<number>): Map<number, number[]> {
  const carried = new Map<number, number[]>();
  ctx.steps.forEach(({ change }, d) => {
    if (change.kind !== "drop-table" || skip.has(d) || ctx.toTable(change.table.name)) return;
    const later = ctx.stepsOfTable(ctx.targetName(change.table.name)).filter((i) => {
      const k = ctx.steps[i]!.change.kind;
      return i > d && !skip.has(i) && (k === "drop-index" || k === "rename-index" || k === "alter-index");
    });
    for (const i of later) skip.add(i);
    if (later.length) carried.set(d, later);
  });
  return carried;
}

function renderRebuild(out: Output, ctx: RenderContext, group: RebuildGroup, state: RenderState, renamed: Set<string>): void {
  const renames = [...group.renames].sort((a, b) => rank(ctx, a) - rank(ctx, b) || a - b);
  const sql: string[] = [];
  for (const i of renames) {
    const change = ctx.steps[i]!.change;
    sql.push(...changeSql(change, ctx, state));
    if (change.kind === "rename-table") renamed.add(change.to.name);
  }
  if (!ctx.toTable(group.table)) throw new Error(`table ${group.table} is rebuilt but missing from the target schema`);
  sql.push(...rebuildSql(ctx, group));
  const drop = `DROP TABLE ${q(group.table)}`;
  const destructive = group.steps.some((i) => ctx.steps[i]!.destructive);
  const kinds = [...new Set(group.steps.map((i) => ctx.steps[i]!.change.kind))].join(", ");
  sql.forEach((text, k) =>
    out.add(text, group.steps, {
      destructive: destructive && text === drop,
      ...(k === 0 ? { comment: `rebuilds table ${group.table} (${kinds}): SQLite's ALTER TABLE cannot do this in place` } : {}),
    }),
  );
}

/** Renames of the table itself run before renames of its columns. */
function rank(ctx: RenderContext, index: number): number {
  return ctx.steps[index]!.change.kind === "rename-table" ? 0 : 1;
}

/** Foreign keys off around the plan (see rebuild-table.ts), with a guard that they really are. */
function foreignKeysOff(out: Output, steps: readonly number[]): void {
  out.add("PRAGMA foreign_keys = OFF", steps, {
    destructive: false,
    noTransaction: true,
    comment: "a table that foreign keys point at is rebuilt: foreign keys must be off, which only works outside a transaction",
  });
  out.add(
    `CREATE TEMP TABLE ${q("_shale_rebuild_guard")} (` +
      `${q("foreign_keys_off")} INTEGER CONSTRAINT ${q("run PRAGMA foreign_keys = OFF outside the transaction before rebuilding tables")} CHECK (${q("foreign_keys_off")}), ` +
      `${q("no_violations")} INTEGER CONSTRAINT ${q("the rebuilt tables break foreign keys: see PRAGMA foreign_key_check")} CHECK (${q("no_violations")}))`,
    steps,
    { destructive: false },
  );
  out.add(`INSERT INTO ${GUARD} (${q("foreign_keys_off")}) SELECT NOT foreign_keys FROM pragma_foreign_keys`, steps, { destructive: false });
}

/** Checks the foreign keys of the tables involved, then turns foreign keys back on. */
function foreignKeysOn(out: Output, ctx: RenderContext, groups: readonly RebuildGroup[], steps: readonly number[]): void {
  const rebuilt = new Set(groups.map((g) => g.table));
  const checked = ctx.to.tables
    .filter((t) => t.foreignKeys.length && (rebuilt.has(t.name) || t.foreignKeys.some((fk) => rebuilt.has(fk.references.name))))
    .map((t) => `SELECT 1 FROM pragma_foreign_key_check(${literal(t.name)}, 'main')`);
  if (checked.length) {
    out.add(`INSERT INTO ${GUARD} (${q("no_violations")}) SELECT NOT EXISTS (${checked.join(" UNION ALL ")})`, steps, { destructive: false });
  }
  out.add(`DROP TABLE ${GUARD}`, steps, { destructive: false });
  out.add("PRAGMA foreign_keys = ON", steps, { destructive: false, noTransaction: true });
}
