/**
 * Dependency order: tables by their foreign keys and partition parents. Ties go by name so the
 * order is stable; a cycle is broken at its smallest-named member.
 */
import { qualifiedKey, sortByName } from "../schema/names.js";
import type { ForeignKey, QualifiedName, Table } from "../schema/types.js";

/** An order of keys where each comes after what it depends on, and the edges cut to get it. */
export interface GraphOrder {
  readonly order: readonly string[];
  /** Dependencies that had to be ignored to break cycles: [dependant, dependency]. */
  readonly cut: readonly (readonly [string, string])[];
}

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}

/** Finds a cycle among the waiting keys and returns the edge to cut: from its smallest member. */
function edgeToCut(keys: readonly string[], waiting: Map<string, Set<string>>, done: Set<string>): [string, string] {
  const position = new Map(keys.map((k, i) => [k, i]));
  const smallest = (set: Iterable<string>): string => [...set].sort((a, b) => position.get(a)! - position.get(b)!)[0]!;
  const path: string[] = [];
  const seen = new Map<string, number>();
  let at = keys.find((k) => !done.has(k))!;
  while (!seen.has(at)) {
    seen.set(at, path.length);
    path.push(at);
    at = smallest(waiting.get(at)!);
  }
  const cycle = path.slice(seen.get(at));
  const from = smallest(cycle);
  return [from, cycle[(cycle.indexOf(from) + 1) % cycle.length]!];
}

/**
 * Orders `keys` (already sorted by name) so each comes after its dependencies; self-references
 * and unknown keys are ignored. Always returns every key once.
 */
export function graphOrder(keys: readonly string[], dependsOn: (key: string) => Iterable<string>): GraphOrder {
  const index = new Map(keys.map((k, i) => [k, i]));
  const waiting = new Map<string, Set<string>>();
  const dependants = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const key of keys) {
    const deps = new Set([...dependsOn(key)].filter((d) => d !== key && index.has(d)));
    waiting.set(key, deps);
    for (const d of deps) dependants.get(d)!.push(key);
  }
  const ready = keys.flatMap((k, i) => (waiting.get(k)!.size === 0 ? [i] : []));
  const order: string[] = [];
  const done = new Set<string>();
  const cut: [string, string][] = [];
  while (order.length < keys.length) {
    if (ready.length === 0) {
      const edge = edgeToCut(keys, waiting, done);
      cut.push(edge);
      waiting.get(edge[0])!.delete(edge[1]);
      if (waiting.get(edge[0])!.size === 0) insertSorted(ready, index.get(edge[0])!);
      continue;
    }
    const key = keys[ready.shift()!]!;
    order.push(key);
    done.add(key);
    for (const d of dependants.get(key)!) {
      const deps = waiting.get(d)!;
      if (deps.delete(key) && deps.size === 0 && !done.has(d)) insertSorted(ready, index.get(d)!);
    }
  }
  return { order, cut };
}

/** Tables in creation order, and the foreign keys that must be added once all exist. */
export interface ForeignKeyOrder {
  readonly order: readonly QualifiedName[];
  /** Keys that close a cycle: their table is created before the table they reference. */
  readonly closing: readonly { readonly table: QualifiedName; readonly foreignKey: ForeignKey }[];
}

/** The tables a table needs to exist first: its partition parent and the tables its keys reference. */
function tablesNeeded(table: Table): string[] {
  const parent = table.partitioning?.of?.parent;
  return [...(parent ? [qualifiedKey(parent)] : []), ...table.foreignKeys.map((fk) => qualifiedKey(fk.references))];
}

/**
 * Orders tables so that each comes after its partition parent and the tables its foreign keys
 * reference. Only foreign keys close cycles: a parent never depends on its partitions.
 */
export function foreignKeyOrder(tables: readonly Table[]): ForeignKeyOrder {
  const sorted = sortByName(tables);
  const byKey = new Map(sorted.map((t) => [qualifiedKey(t), t]));
  const graph = graphOrder([...byKey.keys()], (key) => tablesNeeded(byKey.get(key)!));
  const closing = graph.cut.flatMap(([from, to]) => {
    const table = byKey.get(from)!;
    return table.foreignKeys
      .filter((fk) => qualifiedKey(fk.references) === to)
      .map((foreignKey) => ({ table: { schema: table.schema, name: table.name }, foreignKey }));
  });
  return { order: graph.order.map((key) => byKey.get(key)!).map((t) => ({ schema: t.schema, name: t.name })), closing };
}
