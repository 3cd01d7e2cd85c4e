/**
 * Views and triggers around the rest of a SQLite plan. Since 3.26 every ALTER TABLE RENAME
 * (the last step of a table rebuild too) and DROP COLUMN re-checks every view and trigger
 * in the database, and fails on one that no longer resolves. So every view or trigger the
 * plan drops or replaces is dropped first, before any ALTER, together with the unchanged
 * views that read a replaced view; those are created again as soon as what they read is
 * back. Dropping a view also drops its INSTEAD OF triggers, which are created again with it.
 */
import { qualifiedKey } from "../../schema/names.js";
import type { View } from "../../schema/types.js";
import { viewDependencies } from "./dependencies.js";
import type { RenderContext } from "./render-context.js";
import { changeSql } from "./render-change.js";
import { createViewSql } from "./render-sql.js";

/** A statement the view handling adds, with the steps it belongs to. */
export interface ViewStatement {
  readonly sql: string;
  readonly steps: readonly number[];
  readonly comment?: string;
}

/** Tracks the views a plan drops early and brings back. */
export class ViewRecreation {
  /** Steps whose DROP runs in the prologue (drop-view, drop-trigger). */
  readonly hoisted = new Set<number>();
  private readonly fromViews: Map<string, View>;
  private readonly toViews: Map<string, View>;
  private readonly dependsOn = new Map<string, string[]>();
  /** Views dropped in the prologue only because they read a replaced view. */
  private readonly collateral = new Set<string>();
  /** Views dropped in the prologue that the target still has and that are not back yet. */
  private readonly missing = new Set<string>();
  private readonly dropSteps = new Map<string, number>();

  constructor(private readonly ctx: RenderContext) {
    this.fromViews = new Map(ctx.from.views.map((v) => [v.name, v]));
    this.toViews = new Map(ctx.to.views.map((v) => [v.name, v]));
    const known = [...ctx.from.tables, ...ctx.from.views].map((o) => o.name);
    for (const view of ctx.from.views) this.dependsOn.set(view.name, viewDependencies(view.definition, known, view.name).map((d) => d.name));
    ctx.steps.forEach(({ change }, i) => {
      if (change.kind === "drop-view" || change.kind === "drop-trigger") this.hoisted.add(i);
      if (change.kind === "drop-view") this.dropSteps.set(change.view.name, i);
      if (change.kind === "replace-view") this.dropSteps.set(change.from.name, i);
    });
    this.findCollateral();
    for (const name of [...this.dropSteps.keys(), ...this.collateral]) if (this.toViews.has(name)) this.missing.add(name);
  }

  private findCollateral(): void {
    const gone = new Set(this.dropSteps.keys());
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, deps] of this.dependsOn) {
        if (gone.has(name) || !deps.some((d) => gone.has(d))) continue;
        gone.add(name);
        this.collateral.add(name);
        grew = true;
      }
    }
  }

  /** The drops that run before everything else: triggers, then views with their readers first. */
  prologue(): ViewStatement[] {
    const out: ViewStatement[] = [];
    for (const i of this.hoisted) {
      const change = this.ctx.steps[i]!.change;
      if (change.kind === "drop-trigger") out.push({ sql: changeSql(change, this.ctx, asNamed)[0]!, steps: [i] });
    }
    const dropping = new Set([...this.dropSteps.keys(), ...this.collateral]);
    while (dropping.size) {
      const ready = [...dropping].filter((name) => ![...dropping].some((other) => this.dependsOn.get(other)?.includes(name))).sort();
      for (const name of ready.length ? ready : [...dropping].sort()) {
        dropping.delete(name);
        const step = this.dropSteps.get(name);
        out.push({
          sql: changeSql({ kind: "drop-view", view: this.fromViews.get(name)! }, this.ctx, asNamed)[0]!,
          steps: step === undefined ? [] : [step],
          ...(this.collateral.has(name) ? { comment: `dropped and created again unchanged: it reads a view that changes` } : {}),
        });
      }
    }
    return out;
  }

  /** After view `name` is created at step `position`: its triggers, and the views that waited for it. */
  created(name: string, position: number): ViewStatement[] {
    const wasDropped = this.missing.delete(name);
    const out = wasDropped ? this.triggersOn(name, position) : [];
    for (let grew = true; grew; ) {
      grew = false;
      for (const waiting of [...this.collateral].sort()) {
        if (!this.missing.has(waiting) || this.dependsOn.get(waiting)!.some((d) => this.missing.has(d))) continue;
        out.push(...this.recreate(waiting, position));
        grew = true;
      }
    }
    return out;
  }

  /** The views still waiting at the end of the plan. */
  remaining(): ViewStatement[] {
    const out: ViewStatement[] = [];
    for (const name of [...this.collateral].sort()) if (this.missing.has(name)) out.push(...this.recreate(name, this.ctx.steps.length));
    return out;
  }

  private recreate(name: string, position: number): ViewStatement[] {
    this.missing.delete(name);
    return [{ sql: createViewSql(this.toViews.get(name)!), steps: [] }, ...this.triggersOn(name, position)];
  }

  /** The target's triggers on a view just created, except those a later step creates. */
  private triggersOn(name: string, position: number): ViewStatement[] {
    const later = new Set<string>();
    this.ctx.steps.forEach(({ change }, i) => {
      if (i > position && change.kind === "create-trigger") later.add(qualifiedKey(change.trigger));
    });
    return this.ctx.to.triggers
      .filter((t) => t.table.name === name && !later.has(qualifiedKey(t)))
      .map((t) => ({ sql: t.definition, steps: [] }));
  }
}

/** The prologue runs before any rename, so every table has its old name. */
const asNamed = { currentName: (name: string): string => name };
