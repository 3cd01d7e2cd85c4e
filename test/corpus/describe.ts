/**
 * Short texts about failures: a category that groups like failures across cases (names and
 * numbers taken out), and a detail line that shows what exactly differed in one case.
 */
import type { Change } from "../../src/diff/changes.js";

/** The kinds left in a diff, with the aspects of alter-* changes: "add-column, alter-column(default)". */
export function changeKinds(changes: readonly Change[]): string {
  return [...new Set(changes.map(kindWithAspects))].sort().join(", ");
}

function kindWithAspects(change: Change): string {
  const what = (change as { what?: unknown }).what;
  return Array.isArray(what) && what.length > 0 ? `${change.kind}(${[...what].sort().join(",")})` : change.kind;
}

/** One change as a line: its kind, the object it touches, and for changes with two sides what differs. */
export function changeDetail(change: Change): string {
  const c = change as unknown as Record<string, unknown>;
  const label = `${kindWithAspects(change)} ${objectName(c)}`.trim();
  if (isObject(c.from) && isObject(c.to)) return `${label}: ${differingFields(c.from, c.to)}`;
  if (typeof c.from === "string" && typeof c.to === "string") return `${label}: ${c.from} -> ${c.to}`;
  return label;
}

const PARTS = ["column", "index", "foreignKey", "unique", "check", "primaryKey", "table", "view", "routine", "trigger", "enum", "domain", "sequence", "namespace", "extension", "from"];

function objectName(c: Record<string, unknown>): string {
  const table = isObject(c.table) && typeof c.table.name === "string" && c.kind !== "create-table" && c.kind !== "drop-table" ? qualified(c.table) : "";
  for (const key of PARTS) {
    const part = c[key];
    if (isObject(part) && typeof part.name === "string") return table ? `${table}.${part.name}` : qualified(part);
    if (isObject(part) && key === "primaryKey") return `${table} primary key`;
  }
  return table;
}

function qualified(o: Record<string, unknown>): string {
  return typeof o.schema === "string" && o.schema !== "" ? `${o.schema}.${String(o.name)}` : String(o.name);
}

function differingFields(from: Record<string, unknown>, to: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  const parts = keys
    .filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]))
    .map((k) => `${k} ${clip(JSON.stringify(from[k]) ?? "-", 160)} -> ${clip(JSON.stringify(to[k]) ?? "-", 160)}`);
  return parts.length > 0 ? parts.join("; ") : "(no field differs)";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A message with the case-specific parts taken out, so that the same failure on different
 * tables groups together: quoted names become "?", numbers N, and only the first line stays.
 */
export function messageCategory(message: string): string {
  const firstLine = message.split("\n")[0]!.trim();
  const generic = firstLine
    .replace(/"(?:[^"]|"")*"/g, '"?"')
    .replace(/`(?:[^`]|``)*`/g, "`?`")
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(UNQUOTED_NAME, (whole, noun: string, name: string) => (NOT_NAMES.has(name.toLowerCase()) ? whole : `${noun} ?`))
    .replace(/\b\d+\b/g, "N");
  return clip(generic, 140);
}

/** PostgreSQL names objects unquoted in some messages: "function public.f(integer) does not exist". */
const UNQUOTED_NAME = /\b(function|procedure|type|constraint|table|relation|column|index|view|sequence|trigger|domain|schema|extension|to) ([A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)*(?:\([^)]*\))?)/g;

const NOT_NAMES = new Set(
  "a an and as at be been because by cannot create does drop exist exists existing for from has have in into is it its must new not of on or that the this to which with without already".split(" "),
);

/** A statement on one line, without comment lines and runs of spaces, clipped. */
export function compactSql(sql: string): string {
  const text = sql
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return clip(text, 200);
}

/** Cuts a text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
