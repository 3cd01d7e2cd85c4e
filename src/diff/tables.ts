/** Diffs tables: creates, drops, renames, and the changes inside each table on both sides. */
import { sortByName } from "../schema/names.js";
import type { Table } from "../schema/types.js";
import type { Change, TableAspect } from "./changes.js";
import { diffColumns } from "./columns.js";
import { diffConstraints } from "./constraints.js";
import { type Compare, deepEqual } from "./equal.js";
import { diffIndexes } from "./indexes.js";
import type { RenameStrategy } from "./options.js";
import { matchTables, qualified, type Renamer, type TablePair } from "./table-renames.js";

function tableAspects(a: Table, b: Table): TableAspect[] {
  const what: TableAspect[] = [];
  if (a.comment !== b.comment) what.push("comment");
  if (!deepEqual(a.attrs ?? {}, b.attrs ?? {})) what.push("attrs");
  if (!deepEqual(a.partitioning, b.partitioning)) what.push("partitioning");
  return what;
}

/** Renames first, then the remaining alterations of the renamed table. */
function diffPair(pair: TablePair, cmp: Compare): Change[] {
  const table = qualified(pair.to);
  const changes: Change[] = [];
  if (pair.original.schema !== table.schema || pair.original.name !== table.name) {
    changes.push({ kind: "rename-table", from: qualified(pair.original), to: table });
  }
  for (const r of pair.columnRenames) changes.push({ kind: "rename-column", table, from: r.from, to: r.to });
  for (const r of pair.indexRenames) changes.push({ kind: "rename-index", table, from: r.from, to: r.to });
  const what = tableAspects(pair.from, pair.to);
  if (what.length > 0) changes.push({ kind: "alter-table", from: pair.from, to: pair.to, what });
  changes.push(...diffColumns(table, pair.from.columns, pair.to.columns, cmp));
  changes.push(...diffConstraints(pair, cmp));
  const target = { dropOn: qualified(pair.original), on: table, original: pair.original.indexes };
  changes.push(...diffIndexes(target, pair.from.indexes, pair.to.indexes, cmp));
  return changes;
}

/** Table changes, and the renamer the rest of the differ uses to follow renamed tables. */
export function diffTables(
  from: readonly Table[],
  to: readonly Table[],
  strategy: RenameStrategy,
  cmp: Compare,
): { changes: Change[]; rename: Renamer } {
  const match = matchTables(from, to, strategy, cmp);
  const changes: Change[] = [
    ...sortByName(match.dropped).map((table): Change => ({ kind: "drop-table", table })),
    ...sortByName(match.created).map((table): Change => ({ kind: "create-table", table })),
    ...match.pairs.flatMap((pair) => diffPair(pair, cmp)),
  ];
  return { changes, rename: match.rename };
}
