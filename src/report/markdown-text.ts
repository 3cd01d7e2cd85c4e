/** Putting arbitrary names and SQL into Markdown safely: code spans, table cells, plain text. */
import { visible } from "./visible.js";

/** A code span that holds any text: a fence longer than any run of backticks inside. */
export function code(text: string): string {
  const shown = visible(text);
  const longest = Math.max(0, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^`|`$|^ | $/.test(shown) || shown === "" ? " " : "";
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A code span inside a table row: GFM splits cells at `|` even inside code, unless escaped. */
export function cellCode(text: string): string {
  return code(text).replace(/\|/g, "\\|");
}

/** SQL or a definition in one table cell: whitespace collapsed, cut at `max` characters. */
export function cellSql(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return cellCode(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

/** Plain text with Markdown and HTML specials escaped. */
export function plainText(text: string): string {
  return visible(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`);
}

/** A fenced code block whose fence no line of `body` can close. */
export function codeBlock(language: string, body: string): string {
  const longest = Math.max(0, ...[...body.matchAll(/^\s*(`{3,})/gm)].map((m) => m[1]!.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${body.replace(/\n$/, "")}\n${fence}`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
