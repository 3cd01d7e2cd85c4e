/**
 * The generic differ: compares two Schemas kind by kind and lists the changes between them.
 * Dialects differ only through DiffHooks; renames come only from the RenameStrategy.
 */
import type { Schema, Sequence } from "../schema/types.js";
import type { Change } from "./changes.js";
import { diffDomains } from "./domains.js";
import { comparer } from "./equal.js";
import { diffEnums } from "./enums.js";
import { filterSchema } from "./filter.js";
import { diffExtensions, diffNamespaces } from "./namespaces.js";
import type { DiffOptions } from "./options.js";
import { noRenames } from "./rename-strategy.js";
import { diffRoutines, diffTriggers } from "./routines.js";
import { diffSequences } from "./sequences.js";
import type { Renamer } from "./table-renames.js";
import { diffTables } from "./tables.js";
import { diffViews } from "./views.js";

/** A sequence's owner under the new table and column names, so a rename alone changes nothing. */
function followOwner(sequence: Sequence, rename: Renamer): Sequence {
  const owner = sequence.ownedBy;
  if (!owner) return sequence;
  return { ...sequence, ownedBy: { table: rename.table(owner.table), column: rename.column(owner.table, owner.column) } };
}

/** The changes that turn `from` into `to`, in a deterministic order; [] when they are equal. */
export function diff(from: Schema, to: Schema, options: DiffOptions = {}): Change[] {
  const a = filterSchema(from, options.filter);
  const b = filterSchema(to, options.filter);
  const cmp = comparer(options.hooks);
  const tables = diffTables(a.tables, b.tables, options.renames ?? noRenames, cmp);
  return [
    ...diffNamespaces(a.namespaces, b.namespaces),
    ...diffExtensions(a.extensions, b.extensions),
    ...diffEnums(a.enums, b.enums),
    ...diffDomains(a.domains, b.domains, cmp),
    ...diffSequences(
      a.sequences.map((s) => followOwner(s, tables.rename)),
      b.sequences,
    ),
    ...tables.changes,
    ...diffViews(a.views, b.views, cmp),
    ...diffRoutines(a.routines, b.routines, cmp),
    ...diffTriggers(a.triggers, b.triggers, cmp),
  ];
}
