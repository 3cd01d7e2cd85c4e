/**
 * Foreign keys around the changes they depend on: keys that close a cycle of new tables are
 * added after all tables exist, and keys whose columns change type or whose referenced key is
 * dropped are dropped first and added again at the end.
 */
import { changeTable, isTableLevel, type Change } from "../diff/changes.js";
import { qualifiedKey, sortByName } from "../schema/names.js";
import type { ForeignKey, Index, QualifiedName, Schema, Table } from "../schema/types.js";
import { droppedTables } from "./dropped-tables.js";
import { foreignKeyOrder } from "./order.js";
import type { RenameLookup } from "./renames.js";
import type { PlanCapabilities } from "./types.js";

const columnKey = (table: QualifiedName, column: string): string => JSON.stringify([table.schema, table.name, column]);
const fkKey = (table: QualifiedName, name: string): string => JSON.stringify([table.schema, table.name, name]);

function indexColumns(index: Index): string[] {
  return index.parts.flatMap((p) => (p.column ? [p.column] : []));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Column sets of keys and unique indexes dropped per table (old names), and retyped columns (new names). */
function keyChanges(changes: readonly Change[]) {
  const droppedKeys = new Map<string, (readonly string[])[]>();
  const retyped = new Set<string>();
  const dropKey = (table: QualifiedName, columns: readonly string[]): void => {
    droppedKeys.set(qualifiedKey(table), [...(droppedKeys.get(qualifiedKey(table)) ?? []), columns]);
  };
  for (const c of changes) {
    if (c.kind === "drop-primary-key") dropKey(c.table, c.primaryKey.columns);
    else if (c.kind === "drop-unique") dropKey(c.table, c.unique.columns);
    else if (c.kind === "drop-index" && c.index.unique) dropKey(c.table, indexColumns(c.index));
    else if (c.kind === "alter-column" && c.what.includes("type")) retyped.add(columnKey(c.table, c.to.name));
  }
  return { droppedKeys, retyped };
}

/** Whether an existing key (old names) must be dropped before the changes and added again after. */
function blocked(table: Table, fk: ForeignKey, keys: ReturnType<typeof keyChanges>, renames: RenameLookup): boolean {
  const own = renames.newTable(table);
  const referenced = renames.newTable(fk.references);
  return (
    fk.columns.some((c) => keys.retyped.has(columnKey(own, renames.newColumn(own, c)))) ||
    fk.referencedColumns.some((c) => keys.retyped.has(columnKey(referenced, renames.newColumn(referenced, c)))) ||
    (keys.droppedKeys.get(qualifiedKey(fk.references)) ?? []).some((cols) => sameSet(cols, fk.referencedColumns))
  );
}

/**
 * Drops and re-adds the existing foreign keys that a type change or a dropped key would block.
 * A key of a table that is dropped anyway is only dropped first: the table goes after the
 * keys, and the key would otherwise hold on to the key it references until then.
 */
export function readdForeignKeys(changes: readonly Change[], from: Schema, to: Schema, renames: RenameLookup): Change[] {
  const keys = keyChanges(changes);
  const dropped = new Set(changes.flatMap((c) => (c.kind === "drop-foreign-key" ? [fkKey(c.table, c.foreignKey.name)] : [])));
  const added = new Set(changes.flatMap((c) => (c.kind === "add-foreign-key" ? [fkKey(c.table, c.foreignKey.name)] : [])));
  const gone = droppedTables(changes);
  const target = new Map(to.tables.map((t) => [qualifiedKey(t), t]));
  const out = [...changes];
  for (const table of sortByName(from.tables)) {
    const name = { schema: table.schema, name: table.name };
    for (const fk of table.foreignKeys) {
      if (dropped.has(fkKey(name, fk.name)) || !blocked(table, fk, keys, renames)) continue;
      if (gone(name)) {
        out.push({ kind: "drop-foreign-key", table: name, foreignKey: fk });
        continue;
      }
      const newName = renames.newTable(name);
      // Only keys the target keeps: one outside a diff's filter is never dropped without coming back.
      const next = target.get(qualifiedKey(newName))?.foreignKeys.find((k) => k.name === fk.name);
      if (!next) continue;
      out.push({ kind: "drop-foreign-key", table: name, foreignKey: fk });
      if (!added.has(fkKey(newName, fk.name))) out.push({ kind: "add-foreign-key", table: newName, foreignKey: next });
    }
  }
  return out;
}

/**
 * Whether a key may reference `fk.references` only after this plan's later phases: its
 * referenced columns are added or retyped, or the key over them is added.
 */
function referencesLateKey(fk: ForeignKey, changesOn: ReadonlyMap<string, readonly Change[]>): boolean {
  const referenced = (column: string): boolean => fk.referencedColumns.includes(column);
  return (changesOn.get(qualifiedKey(fk.references)) ?? []).some((c) => {
    switch (c.kind) {
      case "add-column":
        return referenced(c.column.name);
      case "alter-column":
        return c.what.includes("type") && referenced(c.to.name);
      case "add-primary-key":
        return sameSet(c.primaryKey.columns, fk.referencedColumns);
      case "add-unique":
        return sameSet(c.unique.columns, fk.referencedColumns);
      case "create-index":
        return c.index.unique && sameSet(indexColumns(c.index), fk.referencedColumns);
      default:
        return false;
    }
  });
}

/**
 * New tables in foreign-key order. Where the database can add a key later, keys that close a
 * cycle, or that reference a table whose keys change in this plan, move out of CREATE TABLE
 * into add-foreign-key steps; otherwise they stay inline (SQLite accepts forward references).
 */
export function placeCreatedTables(changes: readonly Change[], caps: PlanCapabilities): { changes: Change[]; order: readonly QualifiedName[] } {
  const created = changes.flatMap((c) => (c.kind === "create-table" ? [c.table] : []));
  const fkOrder = foreignKeyOrder(created);
  if (!caps.addForeignKey) return { changes: [...changes], order: fkOrder.order };
  const createdKeys = new Set(created.map(qualifiedKey));
  const changesOn = new Map<string, Change[]>();
  for (const c of changes) {
    const table = isTableLevel(c) ? changeTable(c) : undefined;
    if (!table) continue;
    const key = qualifiedKey(table);
    changesOn.set(key, [...(changesOn.get(key) ?? []), c]);
  }
  const closing = new Set(fkOrder.closing.map((c) => fkKey(c.table, c.foreignKey.name)));
  const moves = (table: Table, fk: ForeignKey): boolean => {
    return closing.has(fkKey(table, fk.name)) || (!createdKeys.has(qualifiedKey(fk.references)) && referencesLateKey(fk, changesOn));
  };
  const out: Change[] = [];
  const moved: Change[] = [];
  for (const c of changes) {
    if (c.kind !== "create-table" || !c.table.foreignKeys.some((fk) => moves(c.table, fk))) {
      out.push(c);
      continue;
    }
    const table = { schema: c.table.schema, name: c.table.name };
    out.push({ kind: "create-table", table: { ...c.table, foreignKeys: c.table.foreignKeys.filter((fk) => !moves(c.table, fk)) } });
    for (const fk of c.table.foreignKeys.filter((k) => moves(c.table, k))) moved.push({ kind: "add-foreign-key", table, foreignKey: fk });
  }
  return { changes: [...out, ...moved], order: fkOrder.order };
}

/** Tables to drop, in reverse foreign-key order, and the keys to drop first that tie them in a cycle. */
export function placeDroppedTables(changes: readonly Change[], caps: PlanCapabilities): { changes: Change[]; order: readonly QualifiedName[] } {
  const dropped = changes.flatMap((c) => (c.kind === "drop-table" ? [c.table] : []));
  const fkOrder = foreignKeyOrder(dropped);
  const order = [...fkOrder.order].reverse();
  if (!caps.addForeignKey) return { changes: [...changes], order };
  const already = new Set(changes.flatMap((c) => (c.kind === "drop-foreign-key" ? [fkKey(c.table, c.foreignKey.name)] : [])));
  const extra = fkOrder.closing
    .filter((c) => !already.has(fkKey(c.table, c.foreignKey.name)))
    .map((c): Change => ({ kind: "drop-foreign-key", table: c.table, foreignKey: c.foreignKey }));
  return { changes: [...changes, ...extra], order };
}
