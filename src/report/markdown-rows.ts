/**
 * The rows of the Markdown report: one per change, as what it is, the object, before and
 * after. A part dropped and added again under the same name (a changed index or key) is
 * one "replace" row, which is how a reviewer thinks of it.
 */
import { assertNever, type Change, type TableLevelChange } from "../diff/changes.js";
import type { PlanStep } from "../plan/types.js";
import { displayName } from "../schema/names.js";
import { typeText } from "../schema/type-text.js";
import type { Table } from "../schema/types.js";
import {
  changePart,
  describeAttrs,
  describeCheck,
  describeColumn,
  describeForeignKey,
  describeIndex,
  describePrimaryKey,
  describeUnique,
  kindLabel,
} from "./describe.js";
import { cellCode, cellSql } from "./markdown-text.js";

/** One row: change, object, before, after (cells already Markdown). */
export type Row = readonly [string, string, string, string];

const NONE = "—";

/** Before and after of one change, as plain text (undefined: nothing on that side). */
function sides(change: Change): [string | undefined, string | undefined] {
  switch (change.kind) {
    case "add-column":
      return [undefined, describeColumn(change.column)];
    case "drop-column":
      return [describeColumn(change.column), undefined];
    case "alter-column":
      return [describeColumn(change.from), describeColumn(change.to)];
    case "rename-column":
    case "rename-index":
      return [change.from, change.to];
    case "rename-table":
      return [displayName(change.from), displayName(change.to)];
    case "add-primary-key":
      return [undefined, describePrimaryKey(change.primaryKey)];
    case "drop-primary-key":
      return [describePrimaryKey(change.primaryKey), undefined];
    case "add-unique":
      return [undefined, describeUnique(change.unique)];
    case "drop-unique":
      return [describeUnique(change.unique), undefined];
    case "add-foreign-key":
      return [undefined, describeForeignKey(change.foreignKey)];
    case "drop-foreign-key":
      return [describeForeignKey(change.foreignKey), undefined];
    case "add-check":
      return [undefined, describeCheck(change.check)];
    case "drop-check":
      return [describeCheck(change.check), undefined];
    case "create-index":
      return [undefined, describeIndex(change.index)];
    case "drop-index":
      return [describeIndex(change.index), undefined];
    case "alter-index":
      return [describeIndex(change.from), describeIndex(change.to)];
    case "alter-table":
      return [describeTableProps(change.from), describeTableProps(change.to)];
    case "alter-constraint-comment":
      return [change.from ?? "(no comment)", change.to ?? "(no comment)"];
    default:
      return otherSides(change);
  }
}

/** The changes `sides` leaves to `otherSides`: whole tables and objects outside tables. */
type OtherChange = Exclude<Change, TableLevelChange | { readonly kind: "rename-table" }>;

/** Before and after of changes to whole tables and objects outside tables. */
function otherSides(change: OtherChange): [string | undefined, string | undefined] {
  switch (change.kind) {
    case "create-namespace":
    case "create-extension":
      return [undefined, "created"];
    case "drop-namespace":
    case "drop-extension":
      return ["exists", undefined];
    case "alter-namespace":
      return [`comment ${change.from.comment ?? "(none)"}`, `comment ${change.to.comment ?? "(none)"}`];
    case "alter-extension":
      return [`version ${change.from.version ?? "?"}`, `version ${change.to.version ?? "?"}`];
    case "create-enum":
      return [undefined, enumValues(change.enum.values)];
    case "drop-enum":
      return [enumValues(change.enum.values), undefined];
    case "add-enum-values":
    case "rebuild-enum":
      return [enumValues(change.from.values), enumValues(change.to.values)];
    case "alter-enum-comment":
    case "alter-view-comment":
    case "alter-trigger-comment":
      return [change.from.comment ?? "(no comment)", change.to.comment ?? "(no comment)"];
    case "create-domain":
      return [undefined, typeText(change.domain.type)];
    case "drop-domain":
      return [typeText(change.domain.type), undefined];
    case "alter-domain":
      return [typeText(change.from.type), typeText(change.to.type)];
    case "create-sequence":
      return [undefined, describeSequence(change.sequence)];
    case "drop-sequence":
      return [describeSequence(change.sequence), undefined];
    case "alter-sequence":
      return [describeSequence(change.from), describeSequence(change.to)];
    case "create-view":
      return [undefined, change.view.definition];
    case "drop-view":
      return [change.view.definition, undefined];
    case "replace-view":
    case "replace-routine":
      return [change.from.definition, change.to.definition];
    case "create-routine":
      return [undefined, change.routine.definition];
    case "drop-routine":
      return [change.routine.definition, undefined];
    case "create-trigger":
      return [undefined, change.trigger.definition];
    case "drop-trigger":
      return [change.trigger.definition, undefined];
    case "create-table":
      return [undefined, "created"];
    case "drop-table":
      return ["exists", undefined];
    default:
      return assertNever(change);
  }
}

function enumValues(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");
}

function describeSequence(s: { type: string; start: string; increment: string; min: string; max: string; cache: string; cycle: boolean }): string {
  return `${s.type} start ${s.start} increment ${s.increment} min ${s.min} max ${s.max} cache ${s.cache}${s.cycle ? " cycle" : ""}`;
}

function describeTableProps(table: Table): string {
  const parts = [...describeAttrs(table.attrs)];
  if (table.comment !== undefined) parts.push(`COMMENT '${table.comment}'`);
  if (table.partitioning?.by) parts.push(`PARTITION BY ${table.partitioning.by}`);
  if (table.partitioning?.of) parts.push(`PARTITION OF ${displayName(table.partitioning.of.parent)} ${table.partitioning.of.bound}`);
  return parts.join(" ") || "(none)";
}

function cell(text: string | undefined, long: boolean): string {
  if (text === undefined) return NONE;
  return long ? cellSql(text) : cellCode(text);
}

/** The label of a change in its row; a warning sign on destructive ones. */
function label(change: Change, destructive: boolean, replaced = false): string {
  const what = replaced ? `replace ${changePart(change)!.type}` : change.kind === "alter-column" ? `alter column (${change.what.join(", ")})` : kindLabel(change.kind);
  return destructive ? `⚠️ ${what}` : what;
}

/** Whether a change's texts are SQL bodies, which are shown flattened and cut. */
function isLong(change: Change): boolean {
  return /view|routine|trigger/.test(change.kind);
}

/** The rows of the changes of one table, with drop+add pairs of one part merged. */
export function tableRows(steps: readonly PlanStep[]): Row[] {
  const partKey = (change: Change): string | undefined => {
    const part = changePart(change);
    return part && part.type !== "column" && part.name ? `${part.type}\u0000${part.name}` : undefined;
  };
  const drops = new Map<string, PlanStep>();
  for (const step of steps) {
    const key = partKey(step.change);
    if (key && step.change.kind.startsWith("drop-")) drops.set(key, step);
  }
  const replacedBy = new Map<PlanStep, PlanStep>();
  for (const step of steps) {
    const key = partKey(step.change);
    const dropped = key && /^(add|create)-/.test(step.change.kind) ? drops.get(key) : undefined;
    if (dropped && ![...replacedBy.values()].includes(dropped)) replacedBy.set(step, dropped);
  }
  const paired = new Set(replacedBy.values());
  const rows: Row[] = [];
  for (const step of steps) {
    if (paired.has(step)) continue;
    const dropped = replacedBy.get(step);
    if (!dropped) {
      rows.push(stepRow(step));
      continue;
    }
    const part = changePart(step.change)!;
    rows.push([label(step.change, step.destructive || dropped.destructive, true), `${part.type} ${cellCode(part.name)}`, cell(sides(dropped.change)[0], false), cell(sides(step.change)[1], false)]);
  }
  return rows;
}

/** The row of one change. */
export function stepRow(step: PlanStep): Row {
  const [before, after] = sides(step.change);
  const part = changePart(step.change);
  const object = part ? (part.name ? `${part.type} ${cellCode(part.name)}` : part.type) : "";
  const long = isLong(step.change);
  return [label(step.change, step.destructive), object, cell(before, long), cell(after, long)];
}

/** The rows of a created or dropped table: one per column, key, check and index. */
export function wholeTableRows(table: Table, created: boolean): Row[] {
  const row = (type: string, name: string, text: string): Row => {
    const object = name ? `${type} ${cellCode(name)}` : type;
    return created ? ["new", object, NONE, cellCode(text)] : ["⚠️ dropped", object, cellCode(text), NONE];
  };
  return [
    ...table.columns.map((c) => row("column", c.name, describeColumn(c))),
    ...(table.primaryKey ? [row("primary key", table.primaryKey.name ?? "", describePrimaryKey(table.primaryKey))] : []),
    ...table.uniques.map((u) => row("unique", u.name, describeUnique(u))),
    ...table.foreignKeys.map((k) => row("foreign key", k.name, describeForeignKey(k))),
    ...table.checks.map((c) => row("check", c.name ?? "", describeCheck(c))),
    ...table.indexes.map((i) => row("index", i.name, describeIndex(i))),
  ];
}
