/**
 * What the renderer tracks while it walks a plan: the column order of every table as the
 * statements so far leave it, so that ADD COLUMN and a moved column's MODIFY COLUMN can say
 * FIRST or AFTER an existing column and the table ends up in the desired order.
 *
 * A column is placed after the nearest column before it in the desired order that is already
 * where it belongs: never after a column still waiting to move, because MySQL takes the moved
 * columns of an ALTER TABLE out first and puts them back clause by clause, so such a column is
 * not there to follow yet (and in a later statement it would leave the spot anyway).
 */
import { byQualifiedName, qualifiedKey } from "../../schema/names.js";
import type { PlanStep } from "../../plan/types.js";
import type { QualifiedName, Schema, Table } from "../../schema/types.js";
import { quoteIdent } from "./quote.js";

/** The renderer's view of the tables while statements accumulate. */
export class RenderState {
  private readonly columns = new Map<string, string[]>();
  private readonly fromTables: Map<string, Table>;
  private readonly toTables: Map<string, Table>;
  /** Current table name → its name in `from`, for tables renamed earlier in the plan. */
  private readonly originalNames = new Map<string, QualifiedName>();
  /** Columns the plan moves (by table, under their new names) that are not in place yet. */
  private readonly moving = new Map<string, Set<string>>();

  constructor(from: Schema, to: Schema, steps: readonly PlanStep[]) {
    this.fromTables = byQualifiedName(from.tables);
    this.toTables = byQualifiedName(to.tables);
    for (const table of from.tables) this.columns.set(qualifiedKey(table), table.columns.map((c) => c.name));
    for (const { change } of steps) {
      if (change.kind !== "alter-column" || !change.what.includes("position")) continue;
      const key = qualifiedKey(change.table);
      this.moving.set(key, (this.moving.get(key) ?? new Set()).add(change.to.name));
    }
  }

  /** The table as it is in `from`, following renames made earlier in the plan. */
  fromTable(name: QualifiedName): Table | undefined {
    return this.fromTables.get(qualifiedKey(this.originalNames.get(qualifiedKey(name)) ?? name));
  }

  /** The table as it is in `to`. */
  toTable(name: QualifiedName): Table | undefined {
    return this.toTables.get(qualifiedKey(name));
  }

  /** A table made by CREATE TABLE. */
  created(table: Table): void {
    this.columns.set(qualifiedKey(table), table.columns.map((c) => c.name));
  }

  /** A table renamed by RENAME TABLE. */
  renamedTable(from: QualifiedName, to: QualifiedName): void {
    const key = qualifiedKey(from);
    this.columns.set(qualifiedKey(to), this.columns.get(key) ?? []);
    this.columns.delete(key);
    this.originalNames.set(qualifiedKey(to), this.originalNames.get(key) ?? from);
  }

  /** Records an added column; returns the position clause (` FIRST`, ` AFTER x`, or "" at the end). */
  addColumn(table: QualifiedName, column: string): string {
    return this.place(table, column, false);
  }

  /**
   * Records a column moved by MODIFY COLUMN; returns its position clause (` FIRST` or
   * ` AFTER x`, even at the end: without one MODIFY leaves the column where it was).
   */
  moveColumn(table: QualifiedName, column: string): string {
    this.dropColumn(table, column);
    return this.place(table, column, true);
  }

  private place(table: QualifiedName, column: string, explicit: boolean): string {
    const current = this.current(table);
    const waiting = this.moving.get(qualifiedKey(table));
    waiting?.delete(column);
    const order = this.toTable(table)?.columns.map((c) => c.name) ?? [];
    if (!order.includes(column)) {
      current.push(column);
      return "";
    }
    let previous: string | undefined;
    for (let i = order.indexOf(column) - 1; i >= 0 && previous === undefined; i -= 1) {
      if (current.includes(order[i]!) && !waiting?.has(order[i]!)) previous = order[i];
    }
    const at = previous === undefined ? 0 : current.indexOf(previous) + 1;
    const position = at === current.length && !explicit ? "" : previous === undefined ? " FIRST" : ` AFTER ${quoteIdent(previous)}`;
    current.splice(at, 0, column);
    return position;
  }

  /** Records a dropped column. */
  dropColumn(table: QualifiedName, column: string): void {
    const current = this.current(table);
    const at = current.indexOf(column);
    if (at >= 0) current.splice(at, 1);
  }

  /** Records a renamed column. */
  renameColumn(table: QualifiedName, from: string, to: string): void {
    const current = this.current(table);
    const at = current.indexOf(from);
    if (at >= 0) current[at] = to;
  }

  private current(table: QualifiedName): string[] {
    const key = qualifiedKey(table);
    let list = this.columns.get(key);
    if (!list) {
      list = [];
      this.columns.set(key, list);
    }
    return list;
  }
}
