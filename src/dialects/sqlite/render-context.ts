/**
 * What the SQLite renderer looks up while it writes a plan: both schemas' tables by name,
 * the table each step belongs to (across renames), and the steps by kind.
 */
import { changeTable, type Change } from "../../diff/changes.js";
import type { Plan, PlanStep } from "../../plan/types.js";
import type { Schema, Table } from "../../schema/types.js";

/** Lookups over one render. */
export class RenderContext {
  readonly steps: readonly PlanStep[];
  private readonly fromTables: Map<string, Table>;
  private readonly toTables: Map<string, Table>;
  /** New name → old name, from the plan's rename-table steps. */
  private readonly renamedFrom = new Map<string, string>();
  private readonly renamedTo = new Map<string, string>();
  private byTable: Map<string, number[]> | undefined;

  constructor(
    plan: Plan,
    readonly from: Schema,
    readonly to: Schema,
  ) {
    this.steps = plan.steps;
    this.fromTables = new Map(from.tables.map((t) => [t.name, t]));
    this.toTables = new Map(to.tables.map((t) => [t.name, t]));
    for (const { change } of plan.steps) {
      if (change.kind !== "rename-table") continue;
      this.renamedFrom.set(change.to.name, change.from.name);
      this.renamedTo.set(change.from.name, change.to.name);
    }
  }

  /** The table's name in `to`, for a name a step may give in either form (old or new). */
  targetName(name: string): string {
    return this.toTables.has(name) ? name : (this.renamedTo.get(name) ?? name);
  }

  /** The table's name in `from`, for its name in `to`. */
  sourceName(targetName: string): string {
    return this.renamedFrom.get(targetName) ?? targetName;
  }

  /** The table a step belongs to, by its name in `to`; undefined for steps not about one table. */
  stepTable(index: number): string | undefined {
    const table = changeTable(this.steps[index]!.change);
    return table === undefined ? undefined : this.targetName(table.name);
  }

  /** The table as it is before the plan, by its name in `to`. */
  fromTable(targetName: string): Table | undefined {
    return this.fromTables.get(this.sourceName(targetName));
  }

  /** The table as the plan leaves it. */
  toTable(targetName: string): Table | undefined {
    return this.toTables.get(targetName);
  }

  /** Indexes of the steps that belong to the table (by its name in `to`), in plan order. */
  stepsOfTable(targetName: string): readonly number[] {
    if (!this.byTable) {
      this.byTable = new Map();
      for (let i = 0; i < this.steps.length; i++) {
        const table = this.stepTable(i);
        if (table === undefined) continue;
        const list = this.byTable.get(table);
        if (list) list.push(i);
        else this.byTable.set(table, [i]);
      }
    }
    return this.byTable.get(targetName) ?? [];
  }

  /** Indexes of the steps of the given kinds, in plan order. */
  stepsOfKind(...kinds: Change["kind"][]): number[] {
    const out: number[] = [];
    this.steps.forEach((step, i) => {
      if (kinds.includes(step.change.kind)) out.push(i);
    });
    return out;
  }
}
