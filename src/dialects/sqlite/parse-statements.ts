/**
 * Reads CREATE INDEX and CREATE VIEW statements as sqlite_schema stores them: the index
 * expressions, explicit collations and WHERE predicate, and a view's column list and SELECT.
 */
import {
  closingParen,
  findKeyword,
  findOpenParen,
  isKeyword,
  nameOf,
  splitAtCommas,
  textOf,
  tokenize,
  type SqlToken,
} from "./sql-tokens.js";

/** One indexed column or expression, as written. */
export interface ParsedIndexPart {
  /** The column name or expression text, without its COLLATE and ASC/DESC. */
  readonly expression: string;
  readonly collation?: string;
}

/** The parts and predicate of a CREATE INDEX statement. */
export interface ParsedIndex {
  readonly parts: readonly ParsedIndexPart[];
  readonly where?: string;
}

/** The column list and SELECT of a CREATE VIEW statement. */
export interface ParsedView {
  readonly columns?: readonly string[];
  readonly definition: string;
}

/** Parses `CREATE [UNIQUE] INDEX name ON table (parts) [WHERE predicate]`. */
export function parseCreateIndex(sql: string): ParsedIndex {
  const tokens = tokenize(sql);
  const on = findKeyword(tokens, 0, tokens.length, "on");
  const open = findOpenParen(tokens, on + 1);
  if (on < 0 || open < 0) return { parts: [] };
  const close = closingParen(tokens, open);
  const parts = splitAtCommas(tokens, open + 1, close).map((range) => indexPart(sql, tokens, range.from, range.to));
  const where = findKeyword(tokens, close + 1, tokens.length, "where");
  if (where < 0) return { parts };
  return { parts, where: textOf(sql, tokens, where + 1, tokens.length).trim() };
}

function indexPart(sql: string, tokens: readonly SqlToken[], from: number, to: number): ParsedIndexPart {
  let end = to;
  if (isKeyword(tokens[end - 1], "asc") || isKeyword(tokens[end - 1], "desc")) end--;
  if (end - from >= 3 && isKeyword(tokens[end - 2], "collate")) {
    return { expression: textOf(sql, tokens, from, end - 2), collation: nameOf(tokens[end - 1]!) };
  }
  return { expression: textOf(sql, tokens, from, end) };
}

/** Parses `CREATE VIEW name [(columns)] AS select`. */
export function parseCreateView(sql: string): ParsedView {
  const tokens = tokenize(sql);
  const view = tokens.findIndex((t) => isKeyword(t, "view"));
  const as = findKeyword(tokens, view + 1, tokens.length, "as");
  if (view < 0 || as < 0) return { definition: sql };
  // Up to the last token: a trailing comment would swallow whatever is written after the body.
  const definition = textOf(sql, tokens, as + 1, tokens.length);
  const open = findOpenParen(tokens, view + 1, as);
  if (open < 0) return { definition };
  const columns = splitAtCommas(tokens, open + 1, closingParen(tokens, open)).map((part) => nameOf(tokens[part.from]!));
  return { columns, definition };
}
