/**
 * Table, column and index renames, asked of the RenameStrategy, and the old tables rewritten
 * into the new names so that keys and foreign keys that only followed a rename compare equal.
 */
import { compareNames, compareStrings, qualifiedKey } from "../schema/names.js";
import type { Column, ForeignKey, Index, QualifiedName, Table } from "../schema/types.js";
import type { Compare } from "./equal.js";
import { sameIndexDefinition } from "./indexes.js";
import type { RenamePair, RenameStrategy } from "./options.js";
import { resolveRenames, tableRenameName } from "./rename-strategy.js";

/** A table on both sides: as it was, rewritten into the new names, and as it should be. */
export interface TablePair {
  readonly original: Table;
  readonly from: Table;
  readonly to: Table;
  readonly columnRenames: readonly RenamePair[];
  readonly indexRenames: readonly RenamePair[];
}

/** How the tables of two schemas correspond. */
export interface TableMatch {
  readonly dropped: readonly Table[];
  readonly created: readonly Table[];
  /** Kept and renamed tables, sorted by their new name. */
  readonly pairs: readonly TablePair[];
  /** Maps an old table name and column to their new names. */
  readonly rename: Renamer;
}

/** Old names to new ones; names that were not renamed map to themselves. */
export interface Renamer {
  table(name: QualifiedName): QualifiedName;
  column(table: QualifiedName, column: string): string;
}

/** Just the qualified name of an object, so a change never carries a whole table by accident. */
export function qualified(name: QualifiedName): QualifiedName {
  return { schema: name.schema, name: name.name };
}

function renameMap(pairs: readonly RenamePair[]): Map<string, string> {
  return new Map(pairs.map((p) => [p.from, p.to]));
}

function tablePairs(from: readonly Table[], to: readonly Table[], strategy: RenameStrategy, cmp: Compare) {
  const toByKey = new Map(to.map((t) => [qualifiedKey(t), t]));
  const fromKeys = new Set(from.map(qualifiedKey));
  const removed = from.filter((t) => !toByKey.has(qualifiedKey(t)));
  const added = to.filter((t) => !fromKeys.has(qualifiedKey(t)));
  const names = { dropped: removed.map(tableRenameName), added: added.map(tableRenameName) };
  const respelled = respellings(names.dropped, names.added, (name) => cmp.nameKey("table", name));
  const renames = renamesOf("table", undefined, names, respelled, strategy);
  const byRenameName = (tables: readonly Table[], name: string): Table => tables.find((t) => tableRenameName(t) === name)!;
  const pairs: [Table, Table][] = from.flatMap((t): [Table, Table][] => {
    const other = toByKey.get(qualifiedKey(t));
    return other ? [[t, other]] : [];
  });
  for (const r of renames) pairs.push([byRenameName(removed, r.from), byRenameName(added, r.to)]);
  const renamedFrom = new Set(renames.map((r) => r.from));
  const renamedTo = new Set(renames.map((r) => r.to));
  return {
    pairs: pairs.sort(([, a], [, b]) => compareNames(a, b)),
    dropped: removed.filter((t) => !renamedFrom.has(tableRenameName(t))),
    created: added.filter((t) => !renamedTo.has(tableRenameName(t))),
  };
}

/** Whether two lists hold the same names in the same order: then nothing can be a rename. */
function sameNames(a: readonly { name: string }[], b: readonly { name: string }[]): boolean {
  return a.length === b.length && a.every((x, i) => x.name === b[i]!.name);
}

/** The names only one side has: dropped from `a`, added in `b`, each in its list's order. */
function unmatched(a: readonly { name: string }[], b: readonly { name: string }[]): { dropped: string[]; added: string[] } {
  const before = new Set(a.map((x) => x.name));
  const after = new Set(b.map((x) => x.name));
  return { dropped: a.filter((x) => !after.has(x.name)).map((x) => x.name), added: b.filter((x) => !before.has(x.name)).map((x) => x.name) };
}

/**
 * Dropped and added names the database takes for one name (one key under DiffHooks.nameKey),
 * where that key belongs to one dropped and one added name only.
 */
function respellings(dropped: readonly string[], added: readonly string[], key: (name: string) => string): RenamePair[] {
  const byKey = (names: readonly string[]): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const name of names) {
      const k = key(name);
      map.set(k, [...(map.get(k) ?? []), name]);
    }
    return map;
  };
  const addedByKey = byKey(added);
  return [...byKey(dropped)].flatMap(([k, from]) => {
    const to = addedByKey.get(k);
    return from.length === 1 && to?.length === 1 ? [{ from: from[0]!, to: to[0]! }] : [];
  });
}

/** The respelled pairs, then the strategy's answer about the names left over, sorted by old name. */
function renamesOf(
  kind: "table" | "column" | "index",
  scope: QualifiedName | undefined,
  names: { dropped: string[]; added: string[] },
  respelled: readonly RenamePair[],
  strategy: RenameStrategy,
): RenamePair[] {
  const from = new Set(respelled.map((p) => p.from));
  const to = new Set(respelled.map((p) => p.to));
  const dropped = names.dropped.filter((n) => !from.has(n));
  const added = names.added.filter((n) => !to.has(n));
  const asked = resolveRenames(strategy, kind, scope, dropped, added);
  return [...respelled, ...asked].sort((a, b) => compareStrings(a.from, b.from));
}

function columnRenames(a: Table, b: Table, strategy: RenameStrategy, cmp: Compare): RenamePair[] {
  if (sameNames(a.columns, b.columns)) return [];
  const names = unmatched(a.columns, b.columns);
  const respelled = respellings(names.dropped, names.added, (name) => cmp.nameKey("column", name));
  return renamesOf("column", qualified(b), names, respelled, strategy);
}

function rewriteTable(table: Table, rename: Renamer): Table {
  const col = (name: string): string => rename.column(table, name);
  const cols = (names: readonly string[]): string[] => names.map(col);
  const fk = (k: ForeignKey): ForeignKey => ({
    ...k,
    columns: cols(k.columns),
    references: rename.table(k.references),
    referencedColumns: k.referencedColumns.map((c) => rename.column(k.references, c)),
  });
  const index = (i: Index): Index => ({
    ...i,
    parts: i.parts.map((p) => (p.column === undefined ? p : { ...p, column: col(p.column) })),
    ...(i.include ? { include: cols(i.include) } : {}),
  });
  return {
    ...table,
    ...rename.table(table),
    columns: table.columns.map((c): Column => ({ ...c, name: col(c.name) })),
    ...(table.primaryKey ? { primaryKey: { ...table.primaryKey, columns: cols(table.primaryKey.columns) } } : {}),
    uniques: table.uniques.map((u) => ({ ...u, columns: cols(u.columns) })),
    foreignKeys: table.foreignKeys.map(fk),
    indexes: table.indexes.map(index),
  };
}

/**
 * Index renames: names only respelled, and the ones the strategy asks for, kept only where the
 * index itself did not change (a changed index is dropped and created anyway).
 */
function indexRenames(a: Table, b: Table, strategy: RenameStrategy, cmp: Compare): RenamePair[] {
  if (sameNames(a.indexes, b.indexes)) return [];
  const unchanged = (r: RenamePair): boolean => sameIndexDefinition(a.indexes.find((i) => i.name === r.from)!, b.indexes.find((i) => i.name === r.to)!, cmp);
  const names = unmatched(a.indexes, b.indexes);
  const respelled = respellings(names.dropped, names.added, (name) => cmp.nameKey("index", name)).filter(unchanged);
  return renamesOf("index", qualified(b), names, respelled, strategy).filter(unchanged);
}

/** Matches the tables of two schemas, asking the strategy about renames. */
export function matchTables(from: readonly Table[], to: readonly Table[], strategy: RenameStrategy, cmp: Compare): TableMatch {
  const matched = tablePairs(from, to, strategy, cmp);
  const tableTo = new Map<string, QualifiedName>();
  const columnMaps = new Map<string, Map<string, string>>();
  const columnsTo = matched.pairs.map(([a, b]) => {
    const pairs = columnRenames(a, b, strategy, cmp);
    if (a.schema !== b.schema || a.name !== b.name) tableTo.set(qualifiedKey(a), qualified(b));
    if (pairs.length > 0) columnMaps.set(qualifiedKey(a), renameMap(pairs));
    return pairs;
  });
  const rename: Renamer = {
    table: (name) => (tableTo.size === 0 ? qualified(name) : (tableTo.get(qualifiedKey(name)) ?? qualified(name))),
    column: (table, column) => (columnMaps.size === 0 ? column : (columnMaps.get(qualifiedKey(table))?.get(column) ?? column)),
  };
  // Without renames the old tables already are in the new names: skip rewriting them.
  const renamed = tableTo.size > 0 || columnMaps.size > 0;
  const pairs = matched.pairs.map(([original, to], i): TablePair => {
    const rewritten = renamed ? rewriteTable(original, rename) : original;
    const indexPairs = indexRenames(rewritten, to, strategy, cmp);
    const indexTo = renameMap(indexPairs);
    const from = indexPairs.length === 0 ? rewritten : { ...rewritten, indexes: rewritten.indexes.map((i) => ({ ...i, name: indexTo.get(i.name) ?? i.name })) };
    return { original, from, to, columnRenames: columnsTo[i]!, indexRenames: indexPairs };
  });
  return { dropped: matched.dropped, created: matched.created, pairs, rename };
}
