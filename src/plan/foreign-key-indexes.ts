/**
 * Some databases (MySQL, PlanCapabilities.foreignKeyNeedsIndex) need an index that starts with
 * a foreign key's columns for as long as the key exists (MySQL error 1553, "needed in a foreign
 * key constraint"). MySQL's renderer drops and adds a table's
 * indexes in one ALTER TABLE, which keeps every key covered, except when the plan renames
 * something: then index and key drops run in statements of their own before the renames (they
 * name things as they were) and the new indexes come later. So in a plan with renames, a kept
 * foreign key whose last covering index is dropped is dropped first and added again at the end.
 */
import { changeTable, type Change } from "../diff/changes.js";
import { qualifiedKey, sameName, sortByName } from "../schema/names.js";
import type { ForeignKey, QualifiedName, Schema, Table } from "../schema/types.js";
import { droppedTables } from "./dropped-tables.js";
import type { RenameLookup } from "./renames.js";
import type { PlanCapabilities } from "./types.js";

/** An index, unique constraint or primary key as its name and leading columns. */
interface Cover {
  readonly name: string;
  readonly columns: readonly string[];
}

function coversOf(table: Table): Cover[] {
  return [
    ...(table.primaryKey ? [{ name: "PRIMARY", columns: table.primaryKey.columns }] : []),
    ...table.uniques.map((u) => ({ name: u.name, columns: u.columns })),
    ...table.indexes.map((i) => ({ name: i.name, columns: i.parts.map((p) => p.column ?? "") })),
  ];
}

function covers(cover: Cover, fk: ForeignKey): boolean {
  return fk.columns.every((column, i) => cover.columns[i] === column);
}

/** Names of the covers the plan drops from a table (by its old name). */
function droppedCovers(changes: readonly Change[], table: QualifiedName): Set<string> {
  const names = new Set<string>();
  for (const c of changes) {
    const owner = changeTable(c);
    if (!owner || !sameName(owner, table)) continue;
    if (c.kind === "drop-index") names.add(c.index.name);
    else if (c.kind === "drop-unique") names.add(c.unique.name);
    else if (c.kind === "drop-primary-key") names.add("PRIMARY");
  }
  return names;
}

const RENAMES = new Set(["rename-table", "rename-column", "rename-index"]);

/** Where keys need an index, with renames in the plan: drops and re-adds kept keys whose every covering index is dropped. */
export function keepForeignKeysCovered(changes: readonly Change[], from: Schema, to: Schema, renames: RenameLookup, caps: PlanCapabilities): Change[] {
  if (!caps.foreignKeyNeedsIndex || !changes.some((c) => RENAMES.has(c.kind))) return [...changes];
  const planned = new Set(changes.flatMap((c) => (c.kind === "drop-foreign-key" ? [JSON.stringify([qualifiedKey(c.table), c.foreignKey.name])] : [])));
  const dropped = droppedTables(changes);
  const out = [...changes];
  for (const table of sortByName(from.tables)) {
    const name = { schema: table.schema, name: table.name };
    const gone = droppedCovers(changes, name);
    if (gone.size === 0 || dropped(name)) continue;
    const newName = renames.newTable(name);
    const next = to.tables.find((t) => sameName(t, newName));
    for (const fk of table.foreignKeys) {
      if (planned.has(JSON.stringify([qualifiedKey(name), fk.name]))) continue;
      const kept = coversOf(table).filter((c) => covers(c, fk) && !gone.has(c.name));
      const again = next?.foreignKeys.find((k) => k.name === fk.name);
      if (kept.length > 0 || !again || !coversOf(table).some((c) => covers(c, fk))) continue;
      out.push({ kind: "drop-foreign-key", table: name, foreignKey: fk }, { kind: "add-foreign-key", table: newName, foreignKey: again });
    }
  }
  return out;
}
