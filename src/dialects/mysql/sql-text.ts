/**
 * Small, quote-aware helpers over MySQL SQL fragments (defaults, checks, generated columns,
 * view bodies): the inspector and the normalizer rewrite catalog text with them, and never
 * touch what sits inside a string literal or a quoted identifier.
 */

/** A run of SQL text: a string literal, a backtick-quoted identifier, or anything else. */
interface Segment {
  readonly kind: "string" | "ident" | "code";
  readonly text: string;
}

/** Cuts SQL text into literal, identifier and code runs; an unclosed quote runs to the end. */
export function segments(sql: string): Segment[] {
  const out: Segment[] = [];
  let code = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      if (code) out.push({ kind: "code", text: code });
      code = "";
      const end = quotedEnd(sql, i, ch);
      out.push({ kind: ch === "`" ? "ident" : "string", text: sql.slice(i, end) });
      i = end;
      continue;
    }
    code += ch;
    i += 1;
  }
  if (code) out.push({ kind: "code", text: code });
  return out;
}

/** The offset just past the quoted run that starts at `start`; doubled quotes and backslashes escape. */
function quotedEnd(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "\\" && quote !== "`") {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

/**
 * Undoes the extra escaping MySQL 8 applies when information_schema prints an expression
 * (`_utf8mb4\'a\'`): exactly `\\` and `\'` lose one backslash, everything else stays.
 */
export function unescapeCatalogText(text: string): string {
  return text.replace(/\\([\\'])/g, "$1");
}

/** Removes character set introducers (`_utf8mb4'x'` → `'x'`); the column's own charset applies. */
export function stripIntroducers(sql: string): string {
  const parts = segments(sql);
  return parts
    .map((part, index) => {
      const next = parts[index + 1];
      if (part.kind !== "code" || next?.kind !== "string") return part.text;
      return part.text.replace(/(^|[^\w$])_[a-z0-9]+\s*$/i, "$1");
    })
    .join("");
}

/** Removes parentheses that wrap the whole expression, as MySQL 8 prints check clauses. */
export function stripOuterParens(sql: string): string {
  let text = sql.trim();
  while (text.startsWith("(") && closingParen(text, 0) === text.length - 1) text = text.slice(1, -1).trim();
  return text;
}

/** The index of the parenthesis closing the one at `open`, or -1. */
function closingParen(sql: string, open: number): number {
  let depth = 0;
  let offset = 0;
  for (const part of segments(sql)) {
    if (part.kind === "code") {
      for (let k = 0; k < part.text.length; k += 1) {
        const ch = part.text[k]!;
        if (offset + k < open) continue;
        if (ch === "(") depth += 1;
        if (ch === ")") {
          depth -= 1;
          if (depth === 0) return offset + k;
        }
      }
    }
    offset += part.text.length;
  }
  return -1;
}

/** Whether the text is one parenthesised group, `(...)`. */
export function isParenthesised(sql: string): boolean {
  const text = sql.trim();
  return text.startsWith("(") && closingParen(text, 0) === text.length - 1;
}

/**
 * Removes the qualifier `` `db`. `` in front of names, so that a view read from database A
 * compares equal to the same view in database B.
 */
export function stripQualifier(sql: string, database: string): string {
  const quoted = `\`${database.replace(/`/g, "``")}\``;
  const parts = segments(sql);
  let out = "";
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.kind === "ident" && part.text === quoted && next?.kind === "code" && next.text.startsWith(".")) {
      parts[i + 1] = { kind: "code", text: next.text.slice(1) };
      continue;
    }
    out += part.text;
  }
  return out;
}

/** The names written as `` `db`.`name` `` in the text: what a view reads, for ordering. */
export function qualifiedReferences(sql: string, database: string): string[] {
  const quoted = `\`${database.replace(/`/g, "``")}\``;
  const parts = segments(sql);
  const names = new Set<string>();
  for (let i = 0; i + 2 < parts.length; i += 1) {
    const [a, dot, b] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
    if (a.kind === "ident" && a.text === quoted && dot.kind === "code" && dot.text === "." && b.kind === "ident") {
      names.add(b.text.slice(1, -1).replace(/``/g, "`"));
    }
  }
  return [...names];
}

/**
 * A comparison key for an expression: whitespace outside quotes removed, keywords lower-cased,
 * outer parentheses dropped. Literals and identifiers are kept as written.
 */
export function expressionKey(sql: string): string {
  return segments(stripOuterParens(stripIntroducers(sql)))
    .map((part) => (part.kind === "code" ? part.text.replace(/\s+/g, "").toLowerCase() : part.text))
    .join("");
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "'": "''", "\n": "\\n", "\r": "\\r", "\0": "\\0", "\x1a": "\\Z" };

/**
 * A string literal written the way MariaDB prints defaults and enum values: quotes doubled,
 * backslash and control characters escaped with a backslash. That is the default sql_mode's
 * reading; render.ts runs statements holding such escapes with NO_BACKSLASH_ESCAPES off.
 */
export function stringLiteral(value: string): string {
  return `'${value.replace(/[\\'\n\r\0\x1a]/g, (ch) => ESCAPES[ch]!)}'`;
}

const UNESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", "0": "\0", Z: "\x1a", b: "\b" };

/** The value of a quoted literal (`'it''s'` → `it's`); backslash escapes are read as MySQL does. */
export function parseStringLiteral(literal: string): string {
  const quote = literal[0]!;
  let out = "";
  for (let i = 1; i < literal.length - 1; i += 1) {
    const ch = literal[i]!;
    if (ch === "\\" && i + 1 < literal.length - 1) {
      const next = literal[i + 1]!;
      out += UNESCAPES[next] ?? next;
      i += 1;
    } else if (ch === quote && literal[i + 1] === quote) {
      out += ch;
      i += 1;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The quoted literals of a comma-separated list (`'a','b''c'`), as values. */
export function parseStringList(list: string): string[] {
  return segments(list)
    .filter((part) => part.kind === "string")
    .map((part) => parseStringLiteral(part.text));
}
