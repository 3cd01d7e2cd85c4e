/** Diffs the columns of one table: added, dropped, and altered with every differing aspect. */
import type { Column, QualifiedName } from "../schema/types.js";
import type { Change, ColumnAspect } from "./changes.js";
import { movedNames } from "./column-order.js";
import { type Compare, deepEqual } from "./equal.js";

/** The aspects in which two versions of a column differ, in ColumnAspect order. */
export function columnAspects(a: Column, b: Column, cmp: Compare): ColumnAspect[] {
  const what: ColumnAspect[] = [];
  if (!cmp.type(a.type, b.type)) what.push("type");
  if (a.nullable !== b.nullable) what.push("nullable");
  if (!cmp.expression(a.default, b.default)) what.push("default");
  if (!deepEqual(a.identity, b.identity)) what.push("identity");
  const generated =
    a.generated === undefined || b.generated === undefined
      ? a.generated === b.generated
      : a.generated.stored === b.generated.stored && cmp.expression(a.generated.expression, b.generated.expression);
  if (!generated) what.push("generated");
  if (a.collation !== b.collation) what.push("collation");
  if (a.comment !== b.comment) what.push("comment");
  if (!deepEqual(a.attrs ?? {}, b.attrs ?? {})) what.push("attrs");
  return what;
}

/**
 * Column changes of a table that exists on both sides; `from` columns already carry their
 * new names where they were renamed. Drops keep the old table order, adds and alters the new.
 * Where column order counts, a kept column out of place is altered with "position" too.
 */
export function diffColumns(table: QualifiedName, from: readonly Column[], to: readonly Column[], cmp: Compare): Change[] {
  const before = new Map(from.map((c) => [c.name, c]));
  const after = new Set(to.map((c) => c.name));
  const moved = new Set(cmp.columnOrder ? movedNames([...before.keys()], [...after]) : []);
  const changes: Change[] = from.filter((c) => !after.has(c.name)).map((column): Change => ({ kind: "drop-column", table, column }));
  for (const column of to) {
    const old = before.get(column.name);
    if (old === undefined) {
      changes.push({ kind: "add-column", table, column });
      continue;
    }
    const what = columnAspects(old, column, cmp);
    if (moved.has(column.name)) what.push("position");
    if (what.length > 0) changes.push({ kind: "alter-column", table, from: old, to: column, what });
  }
  return changes;
}
