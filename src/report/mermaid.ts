/**
 * A Mermaid `erDiagram` of the tables a diff touches and the tables they reference, drawn
 * as the target schema has them. It must render on GitHub, whose Mermaid parser accepts
 * far less than SQL names hold: attribute types and names are reduced to ASCII word
 * characters (the real name goes into the attribute's comment), entity names are always
 * quoted (bare words such as `one`, `to` or `class` are keywords there), and a name that
 * quoting cannot hold gets an alias with a quoted label.
 */
import { byQualifiedName, compareNames, qualifiedKey } from "../schema/names.js";
import type { Column, ColumnType, ForeignKey, QualifiedName, Table } from "../schema/types.js";
import { changeTable } from "../diff/changes.js";
import type { DiffReportInput } from "./input.js";

/** Past this many tables a diagram stops being readable (and GitHub stops rendering it). */
export const MAX_DIAGRAM_TABLES = 60;

/** The diagram, or why there is none. */
export type Diagram = { readonly kind: "diagram"; readonly text: string; readonly tables: number } | { readonly kind: "none"; readonly reason: string };

/** The diagram source (without the ```mermaid fence) of the tables the diff involves. */
export function erDiagram(diff: DiffReportInput): Diagram {
  const tables = involvedTables(diff);
  if (tables.length === 0) return { kind: "none", reason: "No table changes." };
  if (tables.length > MAX_DIAGRAM_TABLES) {
    return { kind: "none", reason: `The diagram is left out: it would show ${tables.length} tables, more than ${MAX_DIAGRAM_TABLES}.` };
  }
  const ids = entityIds(tables);
  const marks = columnMarks(diff);
  const lines = ["erDiagram"];
  for (const table of tables) lines.push(...entity(table, ids.get(qualifiedKey(table))!, marks.get(qualifiedKey(table))));
  const present = new Set(tables.map(qualifiedKey));
  for (const table of tables) {
    for (const key of table.foreignKeys) {
      const parent = ids.get(qualifiedKey(key.references));
      if (parent && present.has(qualifiedKey(key.references))) lines.push(relationship(table, key, ids.get(qualifiedKey(table))!, parent));
    }
  }
  return { kind: "diagram", text: lines.join("\n"), tables: tables.length };
}

/** Tables in `to` that a change touches, plus the tables their foreign keys reference; sorted. */
function involvedTables(diff: DiffReportInput): Table[] {
  const target = byQualifiedName(diff.to.tables);
  const picked = new Map<string, Table>();
  for (const step of diff.plan.steps) {
    const name = changeTable(step.change);
    const table = name && target.get(qualifiedKey(name));
    if (table) picked.set(qualifiedKey(table), table);
  }
  for (const table of [...picked.values()]) {
    for (const key of table.foreignKeys) {
      const parent = target.get(qualifiedKey(key.references));
      if (parent) picked.set(qualifiedKey(parent), parent);
    }
  }
  return [...picked.values()].sort(compareNames);
}

/** How each entity is written: `"users"`, or `e1["order items"]` for names a quoted word cannot hold. */
function entityIds(tables: readonly Table[]): Map<string, string> {
  const oneSchema = new Set(tables.map((t) => t.schema)).size === 1;
  const labels = tables.map((t) => (oneSchema || t.schema === "" ? t.name : `${t.schema}.${t.name}`));
  const plain = new Set(labels.filter((l) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(l)));
  const ids = new Map<string, string>();
  let next = 1;
  tables.forEach((table, i) => {
    const label = labels[i]!;
    if (plain.has(label)) {
      ids.set(qualifiedKey(table), `"${label}"`);
      return;
    }
    while (plain.has(`e${next}`)) next++;
    ids.set(qualifiedKey(table), `e${next++}["${quotedText(label)}"]`);
  });
  return ids;
}

/** An entity reference in a relationship: the alias alone, without its label. */
function reference(id: string): string {
  return id.replace(/\[.*$/, "");
}

/** What the diff did to each column, by table: "new", "changed: type". */
function columnMarks(diff: DiffReportInput): Map<string, Map<string, string>> {
  const marks = new Map<string, Map<string, string>>();
  const mark = (table: QualifiedName, column: string, text: string): void => {
    const key = qualifiedKey(table);
    if (!marks.has(key)) marks.set(key, new Map());
    marks.get(key)!.set(column, text);
  };
  for (const { change } of diff.plan.steps) {
    if (change.kind === "add-column") mark(change.table, change.column.name, "new");
    else if (change.kind === "alter-column") mark(change.table, change.to.name, `changed: ${change.what.join(", ")}`);
    else if (change.kind === "rename-column") mark(change.table, change.to, `renamed from ${change.from}`);
  }
  return marks;
}

function entity(table: Table, id: string, marks: Map<string, string> | undefined): string[] {
  if (table.columns.length === 0) return [`    ${id}`];
  const used = new Set<string>();
  const lines = [`    ${id} {`];
  for (const column of table.columns) {
    let name = word(column.name);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${word(column.name)}_${n}`;
    used.add(name.toLowerCase());
    const keys = columnKeys(table, column);
    const notes = [...(name === column.name ? [] : [column.name]), ...(marks?.get(column.name) ? [marks.get(column.name)!] : [])];
    const comment = notes.length ? ` "${quotedText(notes.join("; "))}"` : "";
    lines.push(`        ${typeWord(column.type)} ${name}${keys.length ? ` ${keys.join(",")}` : ""}${comment}`);
  }
  lines.push("    }");
  return lines;
}

function columnKeys(table: Table, column: Column): string[] {
  const keys: string[] = [];
  if (table.primaryKey?.columns.includes(column.name)) keys.push("PK");
  if (table.foreignKeys.some((k) => k.columns.includes(column.name))) keys.push("FK");
  const single = (columns: readonly (string | undefined)[]) => columns.length === 1 && columns[0] === column.name;
  const unique =
    table.uniques.some((u) => single(u.columns)) || table.indexes.some((i) => i.unique && i.where === undefined && single(i.parts.map((p) => p.column)));
  if (unique) keys.push("UK");
  return keys;
}

/** `child }o--|| parent`: many rows point at one; `o|` when the key columns may be null. */
function relationship(table: Table, key: ForeignKey, child: string, parent: string): string {
  const optional = key.columns.some((name) => table.columns.find((c) => c.name === name)?.nullable ?? true);
  const label = key.name || key.columns.join(", ");
  return `    ${reference(child)} }o--${optional ? "o|" : "||"} ${reference(parent)} : "${quotedText(label)}"`;
}

/** A column type as one word Mermaid accepts: `varchar_255`, `integer_array`. */
function typeWord(type: ColumnType): string {
  switch (type.kind) {
    case "array":
      return `${typeWord(type.element)}_array`;
    case "enum":
    case "set":
      return type.kind;
    case "builtin":
      return word([type.name, ...(type.args ?? [])].join("_"));
    case "named":
      return word(type.name);
    case "raw":
      return word(type.sql.slice(0, 40));
  }
}

/** ASCII word characters only, starting with a letter or `_`, never one of Mermaid's key words. */
function word(text: string): string {
  let out = text.replace(/[^A-Za-z0-9_]+/g, "_");
  if (out === "" || out === "_") return "_";
  if (/^[0-9]/.test(out)) out = `_${out}`;
  // PK, FK and UK are keys wherever they stand as a word in an attribute line.
  return /^(pk|fk|uk)$/i.test(out) ? `${out}_` : out;
}

/**
 * Text for a quoted Mermaid string: no quote, `%` (comments), `#` (entity codes), backslash,
 * line break, angle bracket (labels may be read as HTML) or backtick (Markdown labels).
 */
function quotedText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/["%#\\<>`\u0000-\u001f\u007f\u2028\u2029]/g, "_");
}

