/**
 * The table rebuild, for what SQLite's ALTER TABLE cannot do (change a column, add or drop
 * a key, a CHECK or a foreign key), following https://www.sqlite.org/lang_altertable.html#otheralter:
 * create `_shale_new_<t>` with the target definition, copy the common columns (and the
 * rowids), drop the old table, rename the new one, then re-create the table's indexes and
 * triggers. Every step of the plan that touches the table joins this one rebuild.
 *
 * Foreign keys. DROP TABLE on a table that some foreign key points at first deletes all its
 * rows, and with foreign_keys on that fires the children's ON DELETE CASCADE / SET NULL
 * actions and counts NO ACTION violations that the rename never uncounts; PRAGMA
 * defer_foreign_keys only moves the failure to COMMIT (tried on SQLite 3.53). So:
 * - a table that no foreign key points at, whose own keys point at tables that exist and
 *   stay as they are, is rebuilt inside the transaction with foreign keys on: copying the
 *   rows checks them against its new keys;
 * - otherwise the whole plan runs with `PRAGMA foreign_keys = OFF` before and `= ON` after,
 *   outside the transaction (statements marked noTransaction), as the SQLite manual does.
 *   Inside the transaction a guard fails the run if foreign keys are still on (a caller
 *   that ran everything in one transaction would otherwise lose child rows), and at the end
 *   `pragma_foreign_key_check` on the tables involved must come back empty, or the whole
 *   transaction fails and rolls back.
 */
import { TABLE_LEVEL_KINDS, type Change } from "../../diff/changes.js";
import type { Table } from "../../schema/types.js";
import { canAddColumn, canDropColumn } from "./alter-limits.js";
import { literal, quoteIdent as q } from "./quote.js";
import type { RenderContext } from "./render-context.js";
import { autoincrementColumn, createIndexSql, createTableSql } from "./render-sql.js";
import { asciiLower } from "./sql-tokens.js";

/** One table's rebuild and the plan steps it carries out. */
export interface RebuildGroup {
  /** The table's name in `to`. */
  readonly table: string;
  /** The step at which the rebuild runs: the table's first column or constraint step. */
  readonly first: number;
  /** Every step the rebuild carries out, sorted. */
  readonly steps: readonly number[];
  /** Renames of the table and its columns that come later in the plan; they run just before the rebuild. */
  readonly renames: readonly number[];
  /** The rebuild needs foreign keys off (see the file comment). */
  readonly foreignKeysOff: boolean;
}

const RENAME_KINDS = new Set<Change["kind"]>(["rename-table", "rename-column"]);
const INDEX_KINDS = new Set<Change["kind"]>(["create-index", "drop-index", "rename-index", "alter-index"]);
/** Kinds SQLite cannot carry out at all: a rebuild must not take them in, so that rendering them fails. */
const REFUSED_KINDS = new Set<Change["kind"]>(["alter-constraint-comment"]);
/** The table-level kinds a rebuild carries out by itself: renames and index changes have statements of their own. */
const PART_KINDS = new Set([...TABLE_LEVEL_KINDS].filter((kind) => !RENAME_KINDS.has(kind) && !INDEX_KINDS.has(kind) && !REFUSED_KINDS.has(kind)));

/** Whether a step needs the table rebuilt rather than an ALTER TABLE. */
export function needsRebuild(ctx: RenderContext, index: number): boolean {
  const change = ctx.steps[index]!.change;
  const table = ctx.stepTable(index) ?? "";
  switch (change.kind) {
    case "add-column":
      return !canAddColumn(change.column, ctx.toTable(table));
    case "drop-column":
      return !canDropColumn(change.column.name, ctx.fromTable(table));
    case "alter-column":
    case "add-primary-key":
    case "drop-primary-key":
    case "add-unique":
    case "drop-unique":
    case "add-foreign-key":
    case "drop-foreign-key":
    case "add-check":
    case "drop-check":
      return true;
    case "alter-table":
      return change.what.includes("attrs");
    default:
      return false;
  }
}

/** The rebuilds a plan needs, in the order they run. */
export function planRebuilds(ctx: RenderContext): RebuildGroup[] {
  const rebuilt = new Set<string>();
  ctx.steps.forEach((_, i) => {
    if (needsRebuild(ctx, i)) rebuilt.add(ctx.stepTable(i)!);
  });
  const groups: RebuildGroup[] = [];
  for (const table of rebuilt) {
    const of = (kinds: ReadonlySet<Change["kind"]>): number[] => ctx.stepsOfTable(table).filter((i) => kinds.has(ctx.steps[i]!.change.kind));
    const parts = of(PART_KINDS);
    const first = Math.min(...parts);
    const renames = of(RENAME_KINDS).filter((i) => i > first);
    const later = of(INDEX_KINDS).filter((i) => i > first);
    const steps = [...parts, ...renames, ...later].sort((a, b) => a - b);
    groups.push({ table, first, steps, renames, foreignKeysOff: needsForeignKeysOff(ctx, table, rebuilt) });
  }
  return groups.sort((a, b) => a.first - b.first);
}

/** See the file comment: whether rebuilding `table` inside a transaction with foreign keys on is safe. */
function needsForeignKeysOff(ctx: RenderContext, table: string, rebuilt: ReadonlySet<string>): boolean {
  const names = new Set([asciiLower(table), asciiLower(ctx.sourceName(table))]);
  const pointsAtIt = (tables: readonly Table[]): boolean =>
    tables.some((t) => t.foreignKeys.some((fk) => names.has(asciiLower(fk.references.name))));
  if (pointsAtIt(ctx.from.tables) || pointsAtIt(ctx.to.tables)) return true;
  const target = ctx.toTable(table);
  return (target?.foreignKeys ?? []).some((fk) => {
    const parent = fk.references.name;
    const before = ctx.sourceName(parent) === parent ? ctx.fromTable(parent) : undefined;
    return !before || rebuilt.has(parent) || !ctx.toTable(parent) || !hasKey(before, fk.referencedColumns);
  });
}

/** Whether the columns are the table's primary key or covered by a unique constraint or full unique index. */
function hasKey(table: Table, columns: readonly string[]): boolean {
  const same = (other: readonly (string | undefined)[]): boolean => other.length === columns.length && other.every((c, i) => c === columns[i]);
  return (
    same(table.primaryKey?.columns ?? []) ||
    table.uniques.some((u) => same(u.columns)) ||
    table.indexes.some((index) => index.unique && index.where === undefined && same(index.parts.map((p) => p.column)))
  );
}

/** The statements of one rebuild, after any renames it carries. */
export function rebuildSql(ctx: RenderContext, group: RebuildGroup): string[] {
  const target = ctx.toTable(group.table)!;
  const current = currentColumns(ctx, group.table);
  const temp = `_shale_new_${target.name}`;
  // SELECT resolves names as SQLite does, ASCII case ignored, so a respelled column keeps its values.
  const copied = target.columns.filter((c) => !c.generated && current.has(asciiLower(c.name))).map((c) => q(c.name));
  const rowid = rowidAlias(ctx.fromTable(group.table), target);
  if (rowid) copied.unshift(rowid);
  const out = [createTableSql(target, temp)];
  if (copied.length) out.push(`INSERT INTO ${q(temp)} (${copied.join(", ")}) SELECT ${copied.join(", ")} FROM ${q(target.name)}`);
  if (hasAutoincrement(ctx.fromTable(group.table)) && hasAutoincrement(target)) {
    // Carry AUTOINCREMENT's high-water mark over, so ids of deleted rows are never reused.
    out.push(`DELETE FROM sqlite_sequence WHERE name = ${literal(temp)}`);
    out.push(`INSERT INTO sqlite_sequence (name, seq) SELECT ${literal(temp)}, seq FROM sqlite_sequence WHERE name = ${literal(target.name)}`);
  }
  out.push(`DROP TABLE ${q(target.name)}`);
  out.push(`ALTER TABLE ${q(temp)} RENAME TO ${q(target.name)}`);
  for (const index of target.indexes) out.push(createIndexSql(target.name, index));
  const laterTriggers = new Set(
    ctx.stepsOfKind("create-trigger").flatMap((i) => {
      const change = ctx.steps[i]!.change;
      return i > group.first && change.kind === "create-trigger" ? [change.trigger.name] : [];
    }),
  );
  for (const trigger of ctx.to.triggers) {
    if (trigger.table.name === target.name && !laterTriggers.has(trigger.name)) out.push(trigger.definition);
  }
  return out;
}

/** The table's column names just before the rebuild (its old columns under their new names), lower-cased. */
function currentColumns(ctx: RenderContext, table: string): Set<string> {
  const renamed = new Map<string, string>();
  ctx.steps.forEach((step, i) => {
    if (step.change.kind === "rename-column" && ctx.stepTable(i) === table) renamed.set(step.change.from, step.change.to);
  });
  return new Set((ctx.fromTable(table)?.columns ?? []).map((c) => asciiLower(renamed.get(c.name) ?? c.name)));
}

/**
 * A name for the rowid to copy, so rows keep their rowids when both tables have hidden ones
 * (with an INTEGER PRIMARY KEY the key column already carries them). SQLite knows three
 * names for it; one the table does not use for a column is picked.
 */
function rowidAlias(before: Table | undefined, after: Table): string | undefined {
  if (!before || !hasRowid(before) || !hasRowid(after) || integerKey(after)) return undefined;
  const taken = new Set([...before.columns, ...after.columns].map((c) => asciiLower(c.name)));
  return ["rowid", "_rowid_", "oid"].find((name) => !taken.has(name));
}

function hasRowid(table: Table): boolean {
  return table.attrs?.["sqlite.withoutRowid"] !== true;
}

function integerKey(table: Table): boolean {
  const key = table.primaryKey?.columns;
  if (key?.length !== 1) return false;
  const column = table.columns.find((c) => c.name === key[0]);
  return column?.type.kind === "builtin" && column.type.name === "integer" && !column.type.args;
}

function hasAutoincrement(table: Table | undefined): boolean {
  return table !== undefined && autoincrementColumn(table) !== undefined;
}
