/**
 * Statements for changes that stand alone: tables created, dropped or renamed, views,
 * routines, triggers, and the kinds MySQL has no such object for (an error, never a silent drop).
 */
import { assertNever, type Change, type TableLevelChange } from "../../diff/changes.js";
import { ShaleError } from "../../errors.js";
import type { View } from "../../schema/types.js";
import { quoteIdent } from "./quote.js";
import { createTableSql, optionWord, qualified } from "./render-definitions.js";
import type { RenderState } from "./render-state.js";

function unsupported(what: string, name: string, hint: string): never {
  throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no ${what} (${name}).`, { hint });
}

const TYPE_HINT = "Use an inline ENUM(...) or SET(...) column type, or a CHECK constraint.";

/** CREATE OR REPLACE VIEW with its algorithm, security and check option. */
function viewSql(view: View): string {
  if (view.materialized) unsupported("materialized views", view.name, "Use a table filled by a scheduled job or triggers.");
  const attrs = view.attrs ?? {};
  const head = ["CREATE OR REPLACE"];
  if (attrs["mysql.algorithm"] !== undefined) head.push(`ALGORITHM=${optionWord(attrs["mysql.algorithm"], "view algorithm")}`);
  if (attrs["mysql.security"] !== undefined) head.push(`SQL SECURITY ${optionWord(attrs["mysql.security"], "view security")}`);
  const columns = view.columns && view.columns.length > 0 ? ` (${view.columns.map(quoteIdent).join(", ")})` : "";
  const check = attrs["mysql.checkOption"] !== undefined ? ` WITH ${optionWord(attrs["mysql.checkOption"], "check option")} CHECK OPTION` : "";
  return `${head.join(" ")} VIEW ${qualified(view)}${columns} AS ${view.definition}${check}`;
}

/** The statements of a change that is not part of an ALTER TABLE. */
export function objectStatements(change: Exclude<Change, TableLevelChange>, state: RenderState): string[] {
  switch (change.kind) {
    case "create-namespace":
    case "drop-namespace":
      return change.namespace.name === "" ? [] : unsupported("schemas inside a database", change.namespace.name, "Connect to each database separately.");
    case "alter-namespace":
      return change.to.name === "" ? [] : unsupported("schemas inside a database", change.to.name, "Connect to each database separately.");
    case "create-extension":
    case "drop-extension":
      return unsupported("extensions", change.extension.name, "Extensions are a PostgreSQL feature.");
    case "alter-extension":
      return unsupported("extensions", change.to.name, "Extensions are a PostgreSQL feature.");
    case "create-enum":
    case "drop-enum":
      return unsupported("named enum types", change.enum.name, TYPE_HINT);
    case "add-enum-values":
    case "rebuild-enum":
    case "alter-enum-comment":
      return unsupported("named enum types", change.to.name, TYPE_HINT);
    case "create-domain":
    case "drop-domain":
      return unsupported("domains", change.domain.name, TYPE_HINT);
    case "alter-domain":
      return unsupported("domains", change.to.name, TYPE_HINT);
    case "create-sequence":
    case "drop-sequence":
      return unsupported("managed sequences", change.sequence.name, "Use an AUTO_INCREMENT column; MariaDB sequences are not managed by shale.");
    case "alter-sequence":
      return unsupported("managed sequences", change.to.name, "Use an AUTO_INCREMENT column; MariaDB sequences are not managed by shale.");
    case "create-table":
      state.created(change.table);
      return [createTableSql(change.table)];
    case "drop-table":
      return [`DROP TABLE ${qualified(change.table)}`];
    case "rename-table":
      state.renamedTable(change.from, change.to);
      return [`RENAME TABLE ${qualified(change.from)} TO ${qualified(change.to)}`];
    case "create-view":
      return [viewSql(change.view)];
    case "replace-view":
      return [viewSql(change.to)];
    case "drop-view":
      return [`DROP VIEW ${qualified(change.view)}`];
    case "alter-view-comment":
      return unsupported("view comments", change.to.name, "Put the note in a comment inside the view's SELECT.");
    case "create-routine":
      return [change.routine.definition];
    case "drop-routine":
      return [`DROP ${change.routine.kind.toUpperCase()} ${qualified(change.routine)}`];
    case "replace-routine":
      return [`DROP ${change.from.kind.toUpperCase()} ${qualified(change.from)}`, change.to.definition];
    case "create-trigger":
      return [change.trigger.definition];
    case "drop-trigger":
      return [`DROP TRIGGER ${qualified(change.trigger)}`];
    case "alter-trigger-comment":
      return unsupported("trigger comments", change.to.name, "Put the note in a comment inside the trigger's body.");
    default:
      return assertNever(change);
  }
}
