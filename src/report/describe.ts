/**
 * Words for changes and IR objects, shared by the SQL, Markdown and JSON reports: what a
 * change does, which object it touches, and column types and parts as a person reads them.
 * Nothing here is SQL to run; it is text for reviewers.
 */
import type { Change, ChangeKind, ConstraintKind } from "../diff/changes.js";
import { assertNever, changeTable } from "../diff/changes.js";
import { displayName } from "../schema/names.js";
import { typeText } from "../schema/type-text.js";
import type { Check, Column, ForeignKey, Index, IndexPart, PrimaryKey, UniqueConstraint } from "../schema/types.js";

/** A change kind as words: "add-column" → "add column". */
export function kindLabel(kind: ChangeKind): string {
  return kind.replace(/-/g, " ");
}

/** A constraint kind as words: "foreign-key" → "foreign key". */
function constraintLabel(kind: ConstraintKind): string {
  return kind.replace(/-/g, " ");
}

/** The part of a table a change touches, as `kind name` ("column email"), or undefined for whole-table changes. */
export function changePart(change: Change): { readonly type: string; readonly name: string } | undefined {
  switch (change.kind) {
    case "add-column":
    case "drop-column":
      return { type: "column", name: change.column.name };
    case "alter-column":
      return { type: "column", name: change.to.name };
    case "rename-column":
      return { type: "column", name: change.from };
    case "add-primary-key":
    case "drop-primary-key":
      return { type: "primary key", name: change.primaryKey.name ?? "" };
    case "add-unique":
    case "drop-unique":
      return { type: "unique", name: change.unique.name };
    case "add-foreign-key":
    case "drop-foreign-key":
      return { type: "foreign key", name: change.foreignKey.name };
    case "add-check":
    case "drop-check":
      return { type: "check", name: change.check.name ?? "" };
    case "alter-constraint-comment":
      return { type: constraintLabel(change.constraint.kind), name: change.constraint.name ?? "" };
    case "create-index":
    case "drop-index":
      return { type: "index", name: change.index.name };
    case "alter-index":
      return { type: "index", name: change.to.name };
    case "rename-index":
      return { type: "index", name: change.from };
    case "create-namespace":
    case "drop-namespace":
    case "alter-namespace":
    case "create-extension":
    case "drop-extension":
    case "alter-extension":
    case "create-enum":
    case "drop-enum":
    case "add-enum-values":
    case "rebuild-enum":
    case "alter-enum-comment":
    case "create-domain":
    case "drop-domain":
    case "alter-domain":
    case "create-sequence":
    case "drop-sequence":
    case "alter-sequence":
    case "create-table":
    case "drop-table":
    case "rename-table":
    case "alter-table":
    case "create-view":
    case "drop-view":
    case "replace-view":
    case "alter-view-comment":
    case "create-routine":
    case "drop-routine":
    case "replace-routine":
    case "create-trigger":
    case "drop-trigger":
    case "alter-trigger-comment":
      return undefined;
    default:
      return assertNever(change);
  }
}

/** The object a change touches, as one string ("public.users.email", "public.users_email_idx"). */
export function changeObject(change: Change): string {
  switch (change.kind) {
    case "create-namespace":
    case "drop-namespace":
      return change.namespace.name;
    case "alter-namespace":
      return change.to.name;
    case "create-extension":
    case "drop-extension":
      return change.extension.name;
    case "alter-extension":
      return change.to.name;
    case "create-enum":
    case "drop-enum":
      return displayName(change.enum);
    case "create-domain":
    case "drop-domain":
      return displayName(change.domain);
    case "create-sequence":
    case "drop-sequence":
      return displayName(change.sequence);
    case "create-table":
    case "drop-table":
      return displayName(change.table);
    case "rename-table":
      return displayName(change.from);
    case "create-view":
    case "drop-view":
      return displayName(change.view);
    case "create-routine":
    case "drop-routine":
      return `${displayName(change.routine)}(${change.routine.signature})`;
    case "replace-routine":
      return `${displayName(change.to)}(${change.to.signature})`;
    case "create-trigger":
    case "drop-trigger":
      return displayName(change.trigger);
    case "add-enum-values":
    case "rebuild-enum":
    case "alter-enum-comment":
    case "alter-domain":
    case "alter-sequence":
    case "alter-table":
    case "replace-view":
    case "alter-view-comment":
    case "alter-trigger-comment":
      return displayName(change.to);
    case "add-column":
    case "drop-column":
    case "rename-column":
    case "alter-column":
    case "add-primary-key":
    case "drop-primary-key":
    case "add-unique":
    case "drop-unique":
    case "add-foreign-key":
    case "drop-foreign-key":
    case "add-check":
    case "drop-check":
    case "alter-constraint-comment":
    case "create-index":
    case "drop-index":
    case "rename-index":
    case "alter-index": {
      const name = changePart(change)?.name;
      return name ? `${displayName(change.table)}.${name}` : displayName(change.table);
    }
    default:
      return assertNever(change);
  }
}

const PREPOSITION: Readonly<Record<string, string>> = { add: "to", create: "on", drop: "from" };

/** One line saying what a change does: "add column email to public.users". */
export function describeChange(change: Change): string {
  const table = changeTable(change);
  const part = changePart(change);
  const object = changeObject(change);
  switch (change.kind) {
    case "rename-table":
      return `rename table ${displayName(change.from)} to ${displayName(change.to)}`;
    case "rename-column":
    case "rename-index":
      return `rename ${part!.type} ${change.from} to ${change.to} on ${displayName(table!)}`;
    case "alter-column":
      return `alter column ${change.to.name} of ${displayName(table!)} (${change.what.join(", ")})`;
    case "alter-table":
      return `alter table ${object} (${change.what.join(", ")})`;
    case "alter-constraint-comment":
      return `alter comment on ${part!.type}${part!.name ? ` ${part!.name}` : ""} of ${displayName(table!)}`;
    case "alter-trigger-comment":
      return `alter comment on trigger ${change.to.name} of ${displayName(change.to.table)}`;
    default:
      if (table && part) {
        const verb = change.kind.split("-")[0]!;
        const name = part.name ? ` ${part.name}` : "";
        return `${verb} ${part.type}${name} ${PREPOSITION[verb] ?? "of"} ${displayName(table)}`;
      }
      return `${kindLabel(change.kind)} ${object}`;
  }
}

/** A column's definition in words: `varchar(255) NOT NULL DEFAULT 'x'`. */
export function describeColumn(column: Column): string {
  const parts = [typeText(column.type), column.nullable ? "NULL" : "NOT NULL"];
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.identity) parts.push(column.identity.kind === "auto-increment" ? "AUTO_INCREMENT" : `GENERATED ${column.identity.kind === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY`);
  if (column.generated) parts.push(`GENERATED ALWAYS AS (${column.generated.expression})${column.generated.stored ? " STORED" : ""}`);
  if (column.collation !== undefined) parts.push(`COLLATE ${column.collation}`);
  parts.push(...describeAttrs(column.attrs));
  if (column.comment !== undefined) parts.push(`COMMENT '${column.comment}'`);
  return parts.join(" ");
}

/** Dialect attributes as `key=value` words, sorted. */
export function describeAttrs(attrs: Readonly<Record<string, string | number | boolean>> | undefined): string[] {
  if (!attrs) return [];
  return Object.keys(attrs)
    .sort()
    .map((key) => `[${key}=${String(attrs[key])}]`);
}

function describeIndexPart(part: IndexPart): string {
  let text = part.column ?? `(${part.expression ?? ""})`;
  if (part.length !== undefined) text += `(${part.length})`;
  if (part.collation !== undefined) text += ` COLLATE ${part.collation}`;
  if (part.opclass !== undefined) text += ` ${part.opclass}`;
  if (part.descending) text += " DESC";
  if (part.nulls) text += ` NULLS ${part.nulls.toUpperCase()}`;
  return text;
}

/** An index in words: `UNIQUE (email) WHERE deleted_at IS NULL`. */
export function describeIndex(index: Index): string {
  const parts = [index.unique ? "UNIQUE" : "INDEX"];
  if (index.method) parts.push(`USING ${index.method}`);
  parts.push(`(${index.parts.map(describeIndexPart).join(", ")})`);
  if (index.include?.length) parts.push(`INCLUDE (${index.include.join(", ")})`);
  if (index.nullsNotDistinct) parts.push("NULLS NOT DISTINCT");
  if (index.where !== undefined) parts.push(`WHERE ${index.where}`);
  parts.push(...describeAttrs(index.attrs));
  if (index.comment !== undefined) parts.push(`COMMENT '${index.comment}'`);
  return parts.join(" ");
}

function deferrable(item: { readonly deferrable?: boolean; readonly initiallyDeferred?: boolean }): string[] {
  if (!item.deferrable) return [];
  return [item.initiallyDeferred ? "DEFERRABLE INITIALLY DEFERRED" : "DEFERRABLE"];
}

function comment(item: { readonly comment?: string }): string[] {
  return item.comment === undefined ? [] : [`COMMENT '${item.comment}'`];
}

/** A primary key in words. */
export function describePrimaryKey(key: PrimaryKey): string {
  return [`PRIMARY KEY (${key.columns.join(", ")})`, ...deferrable(key), ...comment(key)].join(" ");
}

/** A unique constraint in words. */
export function describeUnique(unique: UniqueConstraint): string {
  return [`UNIQUE (${unique.columns.join(", ")})`, ...(unique.nullsNotDistinct ? ["NULLS NOT DISTINCT"] : []), ...deferrable(unique), ...comment(unique)].join(" ");
}

/** A foreign key in words: `(user_id) → public.users(id) ON DELETE CASCADE`. */
export function describeForeignKey(key: ForeignKey): string {
  const parts = [`(${key.columns.join(", ")}) → ${displayName(key.references)}(${key.referencedColumns.join(", ")})`];
  if (key.onDelete !== "no action") parts.push(`ON DELETE ${key.onDelete.toUpperCase()}`);
  if (key.onUpdate !== "no action") parts.push(`ON UPDATE ${key.onUpdate.toUpperCase()}`);
  if (key.match && key.match !== "simple") parts.push(`MATCH ${key.match.toUpperCase()}`);
  parts.push(...deferrable(key));
  if (key.notValid) parts.push("NOT VALID");
  parts.push(...comment(key));
  return parts.join(" ");
}

/** A check constraint in words. */
export function describeCheck(check: Check): string {
  return [`CHECK (${check.expression})`, ...(check.noInherit ? ["NO INHERIT"] : []), ...(check.notValid ? ["NOT VALID"] : []), ...comment(check)].join(" ");
}
