/**
 * The SQL for one plan step that SQLite can do in place. Steps that need a table rebuild
 * (rebuild-table.ts) and the drops the renderer moves to the front (render-views.ts) never
 * reach here; kinds SQLite cannot have at all fail with SHALE_E_UNSUPPORTED_CHANGE.
 */
import { assertNever, isTableLevel, type Change, type TableLevelChange } from "../../diff/changes.js";
import { ShaleError } from "../../errors.js";
import type { Index } from "../../schema/types.js";
import { quoteIdent as q } from "./quote.js";
import type { RenderContext } from "./render-context.js";
import { columnSql, createIndexSql, createTableSql, createViewSql } from "./render-sql.js";
import { asciiLower } from "./sql-tokens.js";

/** Where the renderer is: the name each table has at this point of the plan. */
export interface RenderState {
  /** The table's current name, given its name in `to` (it may not be renamed yet). */
  currentName(targetName: string): string;
}

/** The statements for a change that SQLite does with plain DDL. */
export function changeSql(change: Change, ctx: RenderContext, state: RenderState): string[] {
  return isTableLevel(change) ? tableChangeSql(change, ctx, state) : objectChangeSql(change);
}

/** A change to a part of an existing table, as ALTER TABLE or an index statement. */
function tableChangeSql(change: TableLevelChange, ctx: RenderContext, state: RenderState): string[] {
  const current = (name: string): string => state.currentName(ctx.targetName(name));
  switch (change.kind) {
    case "add-column":
      return [`ALTER TABLE ${q(current(change.table.name))} ADD COLUMN ${columnSql(change.column, change.table.name)}`];
    case "drop-column":
      return [`ALTER TABLE ${q(current(change.table.name))} DROP COLUMN ${q(change.column.name)}`];
    case "rename-column":
      return [`ALTER TABLE ${q(current(change.table.name))} RENAME COLUMN ${q(change.from)} TO ${q(change.to)}`];
    case "create-index":
      return [createIndexSql(current(change.table.name), change.index)];
    case "drop-index":
      return [`DROP INDEX ${q(change.index.name)}`];
    case "rename-index":
      // SQLite cannot rename an index: drop it and create it again under the new name.
      return [`DROP INDEX ${q(change.from)}`, createIndexSql(current(change.table.name), targetIndex(ctx, change.table.name, change.to))];
    case "alter-column":
    case "add-primary-key":
    case "drop-primary-key":
    case "add-unique":
    case "drop-unique":
    case "add-foreign-key":
    case "drop-foreign-key":
    case "add-check":
    case "drop-check":
      throw new Error(`${change.kind} is carried out by a table rebuild, never alone`);
    case "alter-table":
      throw unsupported(`change the ${change.what.join(" and ")} of table ${change.to.name}`, "SQLite tables have no comments or partitions.");
    case "alter-index":
      throw unsupported(`alter index ${change.to.name} in place`, "SQLite indexes have no comments or options; drop and create the index instead.");
    case "alter-constraint-comment":
      throw unsupported(`comment on ${change.constraint.kind.replace("-", " ")} ${change.constraint.name ?? "(unnamed)"} of table ${change.table.name}`, "SQLite has no comments on objects.");
    default:
      return assertNever(change);
  }
}

/** A change to a table as a whole, a view or a trigger; the kinds SQLite has no objects for fail. */
function objectChangeSql(change: Exclude<Change, TableLevelChange>): string[] {
  switch (change.kind) {
    case "create-table":
      return [createTableSql(change.table), ...change.table.indexes.map((index) => createIndexSql(change.table.name, index))];
    case "drop-table":
      return [`DROP TABLE ${q(change.table.name)}`];
    case "rename-table":
      return renameTableSql(change.from.name, change.to.name);
    case "create-view":
      return [createViewSql(change.view)];
    case "replace-view":
      return [createViewSql(change.to)];
    case "create-trigger":
      return [change.trigger.definition];
    case "drop-view":
      return [`DROP VIEW ${q(change.view.name)}`];
    case "drop-trigger":
      return [`DROP TRIGGER ${q(change.trigger.name)}`];
    case "alter-view-comment":
      throw unsupported(`comment on view ${change.to.name}`, "SQLite has no comments on objects.");
    case "alter-trigger-comment":
      throw unsupported(`comment on trigger ${change.to.name}`, "SQLite has no comments on objects.");
    case "create-namespace":
    case "drop-namespace":
    case "alter-namespace":
      throw unsupported("create, drop or alter schemas", "A SQLite database is one schema; attach another database file instead.");
    case "create-extension":
    case "drop-extension":
    case "alter-extension":
      throw unsupported("manage extensions", "SQLite loads extensions per connection; remove them from the schema.");
    case "create-enum":
    case "drop-enum":
    case "add-enum-values":
    case "rebuild-enum":
    case "alter-enum-comment":
      throw unsupported("have enum types", "Use a text column with a CHECK (col IN (...)) constraint.");
    case "create-domain":
    case "drop-domain":
    case "alter-domain":
      throw unsupported("have domains", "Use the base type with CHECK constraints on the columns.");
    case "create-sequence":
    case "drop-sequence":
    case "alter-sequence":
      throw unsupported("have sequences", "Use an INTEGER PRIMARY KEY column, which numbers rows itself.");
    case "create-routine":
    case "drop-routine":
    case "replace-routine":
      throw unsupported("store functions or procedures", "Register functions in the application's connection instead.");
    default:
      return assertNever(change);
  }
}

/**
 * SQLite takes a new spelling in another ASCII case for the name the table already has and
 * refuses it, so such a rename goes through a temporary name; both renames rewrite the views,
 * triggers and foreign keys that name the table.
 */
function renameTableSql(from: string, to: string): string[] {
  const rename = (a: string, b: string): string => `ALTER TABLE ${q(a)} RENAME TO ${q(b)}`;
  if (asciiLower(from) !== asciiLower(to)) return [rename(from, to)];
  const temp = `_shale_rename_${to}`;
  return [rename(from, temp), rename(temp, to)];
}

function targetIndex(ctx: RenderContext, table: string, name: string): Index {
  const index = ctx.toTable(ctx.targetName(table))?.indexes.find((i) => i.name === name);
  if (!index) throw new Error(`rename-index: index ${name} is missing from table ${table} in the target schema`);
  return index;
}

function unsupported(what: string, hint: string): ShaleError {
  return new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `SQLite cannot ${what}.`, { hint });
}
