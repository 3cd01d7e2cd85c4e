/** Pairs up the objects of two lists by a key: what was removed, added, and kept. */

/** The result of matching two lists: kept pairs and the leftovers, in a stable order. */
export interface Matched<T> {
  readonly removed: T[];
  readonly added: T[];
  readonly kept: (readonly [from: T, to: T])[];
}

/**
 * Matches items by `key`; each list is sorted with `order` so the result never depends on
 * input order. Keys are assumed unique within a list (the IR's names are).
 */
export function matchBy<T>(from: readonly T[], to: readonly T[], key: (item: T) => string, order: (a: T, b: T) => number): Matched<T> {
  const toByKey = new Map(to.map((item) => [key(item), item]));
  const fromKeys = new Set(from.map(key));
  const removed: T[] = [];
  const kept: (readonly [T, T])[] = [];
  for (const item of [...from].sort(order)) {
    const other = toByKey.get(key(item));
    if (other === undefined) removed.push(item);
    else kept.push([item, other]);
  }
  const added = [...to].sort(order).filter((item) => !fromKeys.has(key(item)));
  return { removed, added, kept };
}
