/**
 * The renames a caller states must apply, never be ignored: each old name exists only on the
 * --from side and each new name only on the --to side (a column or index within its table),
 * each name in one rename. Checked on the inspected schemas before diffing, and on the
 * changes afterwards, since the differ keeps only the pairs it can use (an index whose
 * definition changed too is dropped and created; a name the database compares without case
 * is already paired with its respelling).
 */
import type { Change } from "../diff/changes.js";
import { filterSchema } from "../diff/filter.js";
import type { SchemaFilter } from "../diff/options.js";
import type { ExplicitRenames, ScopedRename, TableRename } from "../diff/rename-strategy.js";
import { ShaleError } from "../errors.js";
import { byQualifiedName, qualifiedKey, sameName } from "../schema/names.js";
import type { QualifiedName, Schema, Table } from "../schema/types.js";

type PartKind = "column" | "index";
type PartRename = Extract<Change, { kind: "rename-column" | "rename-index" }>;

/** The hint for a name that two renames share. */
const ONCE = "Give each old and each new name in one rename only";

/** The hint for a rename whose names the database already pairs because they differ only in case. */
const RESPELLED = "Names that differ only in case are one name to this database; leave this rename out";

/** How many names a hint lists before it only counts the rest. */
const HINT_NAMES = 8;

/** Throws SHALE_E_RENAME for the first stated rename that names something it cannot rename. */
export function checkRenames(from: Schema, to: Schema, renames: ExplicitRenames, filter: SchemaFilter = {}): void {
  const a = byQualifiedName(filterSchema(from, filter).tables);
  const b = byQualifiedName(filterSchema(to, filter).tables);
  const tableHint = `Tables only on the --from side: ${names([...a.values()].filter((t) => !b.has(qualifiedKey(t))).map(showTable))}; only on the --to side: ${names(
    [...b.values()].filter((t) => !a.has(qualifiedKey(t))).map(showTable),
  )}`;
  const renamedTo = new Map<string, TableRename>();
  const renamedFrom = new Map<string, TableRename>();
  for (const r of renames.tables ?? []) {
    const label = tableLabel(r);
    if (!a.has(qualifiedKey(r.from)) || b.has(qualifiedKey(r.from))) fail(label, `no table ${showTable(r.from)} on the --from side that is missing on the --to side`, tableHint);
    if (!b.has(qualifiedKey(r.to)) || a.has(qualifiedKey(r.to))) fail(label, `no table ${showTable(r.to)} on the --to side that is missing on the --from side`, tableHint);
    const earlier = renamedFrom.get(qualifiedKey(r.from));
    if (earlier) fail(label, `table ${showTable(r.from)} is already renamed by ${tableLabel(earlier)}`, ONCE);
    const taken = renamedTo.get(qualifiedKey(r.to));
    if (taken) fail(label, `table ${showTable(r.to)} is already the new name in ${tableLabel(taken)}`, ONCE);
    renamedFrom.set(qualifiedKey(r.from), r);
    renamedTo.set(qualifiedKey(r.to), r);
  }
  // A table of the --to side pairs with the table renamed to it, else with its namesake.
  const counterpart = (table: QualifiedName): Table | undefined => {
    const renamed = renamedTo.get(qualifiedKey(table));
    return a.get(qualifiedKey(renamed ? renamed.from : table));
  };
  for (const kind of ["column", "index"] as const) {
    const seen = new Map<string, ScopedRename>();
    for (const r of (kind === "column" ? renames.columns : renames.indexes) ?? []) {
      const label = scopedLabel(kind, r);
      const toTable = b.get(qualifiedKey(r.table));
      if (!toTable) {
        const renamed = renamedFrom.get(qualifiedKey(r.table));
        const hint = renamed ? `Name the table as the --to database does: ${showTable(renamed.to)}` : "Name the table as the --to database does: its new name when it is renamed too";
        fail(label, `no table ${showTable(r.table)} on the --to side`, hint);
      }
      const fromTable = counterpart(r.table);
      if (!fromTable) {
        fail(label, `table ${showTable(r.table)} is new on the --to side, so it has no ${kind} to rename`, `Rename the table too (--rename-table OLD=${showTable(r.table)}), or leave this rename out`);
      }
      const before = partNames(kind, fromTable);
      const after = partNames(kind, toTable);
      const hint = `In ${showTable(toTable)}, ${plural(kind)} only on the --from side: ${names(before.filter((n) => !after.includes(n)).map(showPart))}; only on the --to side: ${names(
        after.filter((n) => !before.includes(n)).map(showPart),
      )}`;
      if (!before.includes(r.from) || after.includes(r.from)) fail(label, `no ${kind} ${showPart(r.from)} in ${showTable(fromTable)} on the --from side that is missing on the --to side`, hint);
      if (!after.includes(r.to) || before.includes(r.to)) fail(label, `no ${kind} ${showPart(r.to)} in ${showTable(toTable)} on the --to side that is missing on the --from side`, hint);
      const oldKey = `${qualifiedKey(r.table)}\u0000<${r.from}`;
      const newKey = `${qualifiedKey(r.table)}\u0000>${r.to}`;
      const earlier = seen.get(oldKey);
      if (earlier) fail(label, `${kind} ${showPart(r.from)} of ${showTable(r.table)} is already renamed by ${scopedLabel(kind, earlier)}`, ONCE);
      const taken = seen.get(newKey);
      if (taken) fail(label, `${kind} ${showPart(r.to)} of ${showTable(r.table)} is already the new name in ${scopedLabel(kind, taken)}`, ONCE);
      seen.set(oldKey, r);
      seen.set(newKey, r);
    }
  }
}

/** Throws SHALE_E_RENAME for the first stated rename the diff did not carry out as a rename. */
export function checkRenamesApplied(changes: readonly Change[], renames: ExplicitRenames): void {
  const tableRenames = changes.flatMap((c) => (c.kind === "rename-table" ? [c] : []));
  for (const r of renames.tables ?? []) {
    if (tableRenames.some((c) => sameName(c.from, r.from) && sameName(c.to, r.to))) continue;
    const other = tableRenames.find((c) => sameName(c.from, r.from) || sameName(c.to, r.to));
    if (other) fail(tableLabel(r), `the diff pairs ${showTable(other.from)} with ${showTable(other.to)}, names this database takes for one`, RESPELLED);
    fail(tableLabel(r), "the diff does not pair these tables", "Leave this rename out");
  }
  for (const kind of ["column", "index"] as const) {
    const done = changes.filter((c): c is PartRename => c.kind === `rename-${kind}`);
    for (const r of (kind === "column" ? renames.columns : renames.indexes) ?? []) {
      const inTable = done.filter((c) => sameName(c.table, r.table));
      if (inTable.some((c) => c.from === r.from && c.to === r.to)) continue;
      const other = inTable.find((c) => c.from === r.from || c.to === r.to);
      if (other) fail(scopedLabel(kind, r), `the diff pairs ${showPart(other.from)} with ${showPart(other.to)}, names this database takes for one`, RESPELLED);
      if (kind === "index") {
        fail(scopedLabel(kind, r), `index ${showPart(r.from)} and index ${showPart(r.to)} of ${showTable(r.table)} differ in more than their name, so the index is dropped and created`, "Leave this rename out: an index whose definition changes is created anew anyway");
      }
      fail(scopedLabel(kind, r), `the diff does not pair these ${plural(kind)}`, "Leave this rename out");
    }
  }
}

function fail(label: string, problem: string, hint: string): never {
  throw new ShaleError("SHALE_E_RENAME", `${label}: ${problem}`, { hint });
}

function partNames(kind: PartKind, table: Table): string[] {
  return (kind === "column" ? table.columns : table.indexes).map((p) => p.name);
}

function plural(kind: PartKind): string {
  return kind === "column" ? "columns" : "indexes";
}

function tableLabel(r: TableRename): string {
  return r.label ?? `rename of table ${showTable(r.from)} to ${showTable(r.to)}`;
}

function scopedLabel(kind: PartKind, r: ScopedRename): string {
  return r.label ?? `rename of ${kind} ${showPart(r.from)} of ${showTable(r.table)} to ${showPart(r.to)}`;
}

/** A list of names for a hint, cut short when long. */
function names(list: readonly string[]): string {
  if (list.length === 0) return "none";
  const shown = list.slice(0, HINT_NAMES).join(", ");
  return list.length > HINT_NAMES ? `${shown} and ${list.length - HINT_NAMES} more` : shown;
}

/** A column or index name, always quoted as the rename flags quote it. */
function showPart(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table as the rename flags write it: `schema.table` or `table`, quoting parts that need it. */
function showTable(name: QualifiedName): string {
  const part = (p: string): string => (p === "" || /[."=\s]/.test(p) ? showPart(p) : p);
  return name.schema === "" ? part(name.name) : `${part(name.schema)}.${part(name.name)}`;
}
