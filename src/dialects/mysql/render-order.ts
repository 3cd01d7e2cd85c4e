/**
 * The order the MySQL renderer walks a plan in, so that consecutive steps on one table merge
 * into one ALTER TABLE. The planner orders steps by phase and kind, across all tables; here the
 * table-level steps between the renames and the dependants are regrouped by table instead.
 *
 * What keeps this safe: foreign key drops stay first (grouped by table), before any key,
 * index or column they use goes; tables are dropped before the others change; a foreign key
 * joins its table's group only when the table it references is not changed later and not
 * new, otherwise it is added at the end, after every table and key exists. With renames in
 * the plan, key drops stay before them too (they name tables and columns as they were).
 */
import { changeTable, type Change } from "../../diff/changes.js";
import { qualifiedKey } from "../../schema/names.js";
import type { PlanStep } from "../../plan/types.js";

/** Where a kind goes: a bucket number; "table" for the regrouped table-level window. */
function bucketOf(kind: Change["kind"], hasRenames: boolean): number | "table" {
  switch (kind) {
    case "drop-trigger":
    case "drop-view":
    case "drop-routine":
      return 0;
    case "drop-foreign-key":
      return 1;
    case "create-namespace":
    case "create-extension":
    case "alter-extension":
    case "create-enum":
    case "add-enum-values":
    case "rebuild-enum":
    case "create-domain":
    case "alter-domain":
    case "create-sequence":
    case "alter-sequence":
      return 2;
    case "drop-check":
    case "drop-unique":
    case "drop-index":
    case "drop-primary-key":
      return hasRenames ? 3 : "table";
    case "rename-table":
    case "rename-column":
    case "rename-index":
      return 4;
    case "create-routine":
    case "replace-routine":
    case "create-view":
    case "replace-view":
    case "create-trigger":
      return 6;
    case "drop-sequence":
    case "drop-domain":
    case "drop-enum":
    case "drop-extension":
    case "drop-namespace":
      return 7;
    case "alter-namespace":
    case "alter-enum-comment":
    case "alter-view-comment":
    case "alter-constraint-comment":
    case "alter-trigger-comment":
      return 8;
    default:
      return "table";
  }
}

/** The table a step changes, as a key; "" for steps that change no single table. */
function tableOf(change: Change): string {
  const table = changeTable(change);
  return table ? qualifiedKey(table) : "";
}

/** Pushes `item` onto the list kept under `key`. */
function add<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Step indexes by the table they change, tables in order of first appearance. */
function tableGroups(indexes: readonly number[], steps: readonly PlanStep[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indexes) add(groups, tableOf(steps[i]!.change), i);
  return groups;
}

/** Steps grouped by table, tables in order of first appearance, steps in plan order. */
function groupByTable(indexes: readonly number[], steps: readonly PlanStep[]): number[] {
  return [...tableGroups(indexes, steps).values()].flat();
}

/** The table-level window: dropped tables, each changed table's steps, new tables, late keys. */
function tableWindow(indexes: readonly number[], steps: readonly PlanStep[]): number[] {
  const kind = (i: number) => steps[i]!.change.kind;
  const created = indexes.filter((i) => kind(i) === "create-table");
  const createdKeys = new Set(created.map((i) => tableOf(steps[i]!.change)));
  const foreignKeys = indexes.filter((i) => kind(i) === "add-foreign-key");
  const keysByTable = tableGroups(foreignKeys, steps);
  const groups = tableGroups(
    indexes.filter((i) => !["drop-table", "create-table", "add-foreign-key"].includes(kind(i))),
    steps,
  );
  const pending = new Set(groups.keys());
  const order = indexes.filter((i) => kind(i) === "drop-table");
  const placed = new Set<number>();
  for (const [table, group] of groups) {
    order.push(...group);
    pending.delete(table);
    for (const i of keysByTable.get(table) ?? []) {
      const change = steps[i]!.change;
      const target = change.kind === "add-foreign-key" ? qualifiedKey(change.foreignKey.references) : "";
      if (target === table || (!pending.has(target) && !createdKeys.has(target))) {
        order.push(i);
        placed.add(i);
      }
    }
  }
  return [...order, ...created, ...groupByTable(foreignKeys.filter((i) => !placed.has(i)), steps)];
}

/** The order to render the steps of a plan in (indexes into `steps`). */
export function renderOrder(steps: readonly PlanStep[]): number[] {
  const hasRenames = steps.some((step) => bucketOf(step.change.kind, false) === 4);
  const buckets = new Map<number | "table", number[]>();
  steps.forEach((step, i) => add(buckets, bucketOf(step.change.kind, hasRenames), i));
  const take = (bucket: number | "table") => buckets.get(bucket) ?? [];
  return [
    ...take(0),
    ...groupByTable(take(1), steps),
    ...take(2),
    ...groupByTable(take(3), steps),
    ...take(4),
    ...tableWindow(take("table"), steps),
    ...take(6),
    ...take(7),
    ...take(8),
  ];
}
