/** The schema engine's MySQL/MariaDB parts, assembled. */
import type { Change } from "../../diff/changes.js";
import type { ChangeRisk, PlanCapabilities } from "../../plan/types.js";
import { displayName, sameName } from "../../schema/names.js";
import type { Column, Schema, Table } from "../../schema/types.js";
import type { SchemaSupport } from "../dialect.js";
import { charsetOf, isCharacterType } from "./column-types.js";
import { mysqlDiffHooks } from "./diff-hooks.js";
import { inspect } from "./inspect.js";
import { normalize } from "./normalize.js";
import { render } from "./render.js";

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The character set a column's text is stored in: its own, its collation's, or its table's. */
function columnCharset(column: Column, table: Table | undefined): string | undefined {
  return text(column.attrs?.["mysql.charset"]) ?? (column.collation ? charsetOf(column.collation) : text(table?.attrs?.["mysql.charset"]));
}

/** Whether converting text between two character sets keeps every character (utf8mb4 holds them all). */
function keepsText(from: string, to: string): boolean {
  const canonical = (charset: string): string => (charset === "utf8" ? "utf8mb3" : charset);
  return canonical(from) === canonical(to) || to === "utf8mb4" || from === "ascii";
}

const lossyWarning = (what: string, from: string, to: string): string =>
  `converts ${what} from ${from} to ${to}; characters ${to} cannot hold are lost or make the statement fail`;

/** A column that stops being VIRTUAL is dropped and added again, and a text column may change character set. */
function columnRisk(change: Extract<Change, { kind: "alter-column" }>, from: Schema, to: Schema): ChangeRisk | undefined {
  const name = `${displayName(change.table)}.${change.to.name}`;
  if (change.from.generated && !change.from.generated.stored && !change.to.generated) {
    return { destructive: true, irreversible: true, warning: `makes ${name} a plain column; MySQL drops and adds it, so it comes back without values` };
  }
  if (!isCharacterType(change.from.type) || !isCharacterType(change.to.type)) return undefined;
  const after = to.tables.find((t) => sameName(t, change.table));
  const before = from.tables.find((t) => sameName(t, change.table)) ?? after;
  const [a, b] = [columnCharset(change.from, before), columnCharset(change.to, after)];
  if (a === undefined || b === undefined || keepsText(a, b)) return undefined;
  return { destructive: true, irreversible: false, warning: lossyWarning(`column ${name}`, a, b) };
}

/** A new table character set converts the text columns that follow it (see render-alter.ts). */
function tableRisk(change: Extract<Change, { kind: "alter-table" }>): ChangeRisk | undefined {
  const [a, b] = [text(change.from.attrs?.["mysql.charset"]), text(change.to.attrs?.["mysql.charset"])];
  if (!change.what.includes("attrs") || a === undefined || b === undefined || keepsText(a, b)) return undefined;
  const before = new Map(change.from.columns.map((column) => [column.name, column]));
  const converted = change.to.columns.filter((column) => {
    const old = before.get(column.name);
    return old !== undefined && !column.collation && isCharacterType(column.type) && !keepsText(columnCharset(old, change.from) ?? a, b);
  });
  if (converted.length === 0) return undefined;
  const names = converted.map((column) => column.name).join(", ");
  return { destructive: true, irreversible: false, warning: lossyWarning(`the text columns ${names} of ${displayName(change.to)}`, a, b) };
}

/**
 * DDL is not transactional; foreign keys need an index over their columns; conversions to
 * another character set and columns that stop being VIRTUAL can lose data.
 */
const planCapabilities: PlanCapabilities = {
  transactionalDdl: false,
  addForeignKey: true,
  foreignKeyNeedsIndex: true,
  changeRisk: (change, from, to) => (change.kind === "alter-column" ? columnRisk(change, from, to) : change.kind === "alter-table" ? tableRisk(change) : undefined),
};

/** Inspect, normalise, compare and render for MySQL 8 and MariaDB. */
export const mysqlSchema: SchemaSupport = {
  inspect,
  normalize,
  diffHooks: mysqlDiffHooks,
  planCapabilities,
  render,
};
