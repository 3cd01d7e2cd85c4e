/**
 * A small SQLite tokenizer for the CREATE statements kept in sqlite_schema: SQLite has no
 * catalog for CHECK constraints, generated-column expressions, collations or index
 * expressions, so they are read back from the statement text. Tokens keep their offsets so
 * that expressions are cut out of the text exactly as the user wrote them.
 */
import { Scanner, isSpace, isWordChar } from "../split-scanner.js";

/** What a token is: a bare word (keyword, name or number), a quoted name, a string, or one other character. */
export type SqlTokenKind = "word" | "ident" | "string" | "punct";

/** One token of SQL text. */
export interface SqlToken {
  readonly kind: SqlTokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The tokens of `sql`, without blanks and comments. */
export function tokenize(sql: string): SqlToken[] {
  const s = new Scanner(sql, undefined);
  const out: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const code = sql.charCodeAt(i);
    const next = sql.charCodeAt(i + 1);
    let kind: SqlTokenKind | undefined;
    let end: number;
    if (isSpace(code)) end = s.spaceEnd(i);
    else if (code === 45 && next === 45) end = s.lineEnd(i);
    else if (code === 47 && next === 42) end = s.blockCommentEnd(i, false);
    else if (code === 39) [kind, end] = ["string", s.quotedEnd(i, false, "String")];
    else if (code === 34 || code === 96) [kind, end] = ["ident", s.quotedEnd(i, false, "Quoted identifier")];
    else if (code === 91) [kind, end] = ["ident", s.closedBy("]", i, i + 1, "Bracketed identifier")];
    else if (isDigit(code) || (code === 46 && isDigit(next))) [kind, end] = ["word", numberEnd(sql, i)];
    else if (isWordChar(code)) [kind, end] = ["word", s.wordEnd(i)];
    else [kind, end] = ["punct", i + 1];
    if (kind) out.push({ kind, text: sql.slice(i, end), start: i, end });
    i = end;
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const HEX_NUMBER = /0[xX][0-9A-Fa-f_]*/y;
const DECIMAL_NUMBER = /[0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?/y;

/** Offset just past a numeric literal: 12, 1.5, .5, 1e-3, 0x1F (and SQLite's _ digit separators). */
function numberEnd(sql: string, start: number): number {
  for (const pattern of [HEX_NUMBER, DECIMAL_NUMBER]) {
    pattern.lastIndex = start;
    const match = pattern.exec(sql);
    if (match && match[0].length > 0) return start + match[0].length;
  }
  return start + 1;
}

/** Lower-cases ASCII letters only: SQLite compares names case-insensitively for ASCII alone. */
export function asciiLower(name: string): string {
  return name.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** True when the token is the bare keyword `word` (any case). */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token?.kind === "word" && asciiLower(token.text) === word;
}

/** True when the token is the punctuation character `char`. */
export function isPunct(token: SqlToken | undefined, char: string): boolean {
  return token?.kind === "punct" && token.text === char;
}

/**
 * The name a token stands for: quotes removed and doubled quotes undone. SQLite also takes
 * a 'string' where a name is expected, so strings are names here too.
 */
export function nameOf(token: SqlToken): string {
  const t = token.text;
  if (token.kind === "word" || token.kind === "punct") return t;
  if (t.startsWith("[")) return t.slice(1, -1);
  const quote = t[0]!;
  return t.slice(1, -1).split(quote + quote).join(quote);
}

/** Index of the ")" closing the "(" at `open`, or the end of the tokens when it is never closed. */
export function closingParen(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")") && --depth === 0) return i;
  }
  return tokens.length;
}

/** A half-open range of token indexes. */
export interface TokenRange {
  readonly from: number;
  readonly to: number;
}

/** Splits tokens[from, to) at commas outside parentheses; empty parts are left out. */
export function splitAtCommas(tokens: readonly SqlToken[], from: number, to: number): TokenRange[] {
  const parts: TokenRange[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isPunct(t, "(")) depth++;
    else if (isPunct(t, ")")) depth--;
    else if (depth === 0 && isPunct(t, ",")) {
      if (i > start) parts.push({ from: start, to: i });
      start = i + 1;
    }
  }
  if (to > start) parts.push({ from: start, to });
  return parts;
}

/** The source text covered by tokens[from, to), comments inside it included; "" when empty. */
export function textOf(sql: string, tokens: readonly SqlToken[], from: number, to: number): string {
  return to > from ? sql.slice(tokens[from]!.start, tokens[to - 1]!.end) : "";
}

/** Index of the first bare keyword `word` outside parentheses in tokens[from, to), or -1. */
export function findKeyword(tokens: readonly SqlToken[], from: number, to: number, word: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (isPunct(t, "(")) depth++;
    else if (isPunct(t, ")")) depth--;
    else if (depth === 0 && isKeyword(t, word)) return i;
  }
  return -1;
}

/** Index of the first "(" at or after `from`, or -1. */
export function findOpenParen(tokens: readonly SqlToken[], from: number, to = tokens.length): number {
  for (let i = from; i < to; i++) if (isPunct(tokens[i], "(")) return i;
  return -1;
}

/**
 * Lower-case names a piece of SQL mentions (bare words and quoted names), for dependency
 * guesses: which tables a view reads, whether a column appears in an expression.
 */
export function mentionedNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const t of tokenize(sql)) if (t.kind === "word" || t.kind === "ident") names.add(asciiLower(nameOf(t)));
  return names;
}
