/**
 * How SQLite compares SQL fragments: it keeps them as written, so two spellings of one
 * expression (other spacing, keyword case, a name quoted or not, extra outer parentheses
 * that SQLite strips from defaults) must still compare equal.
 */
import type { DiffHooks } from "../../diff/options.js";
import { asciiLower, closingParen, isPunct, tokenize, type SqlToken } from "./sql-tokens.js";

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A canonical form of a SQL fragment: tokens only, keywords and plain names lower-cased, outer parentheses removed. */
export function canonicalSql(sql: string): string {
  let tokens = tokenize(sql);
  while (tokens.length >= 2 && isPunct(tokens[0], "(") && closingParen(tokens, 0) === tokens.length - 1) tokens = tokens.slice(1, -1);
  return tokens.map(canonicalToken).join(" ");
}

function canonicalToken(token: SqlToken): string {
  if (token.kind === "word") return asciiLower(token.text);
  if (token.kind === "ident") {
    const inner = token.text.slice(1, -1);
    return PLAIN_NAME.test(inner) ? asciiLower(inner) : token.text;
  }
  return token.text;
}

/**
 * SQLite's diff hooks: expressions and definitions compare by canonical form. Table, column and
 * index names ignore ASCII case as SQLite does, so one respelled in case is renamed (keeping its
 * rows) instead of dropped and added; constraint
 * names, which nothing looks up, still compare exactly. Column order never counts: changing it
 * would take a table rebuild.
 */
export const diffHooks: DiffHooks = {
  sameExpression: (a, b) => a === b || canonicalSql(a) === canonicalSql(b),
  sameDefinition: (a, b) => a === b || canonicalSql(a) === canonicalSql(b),
  nameKey: (kind, name) => (kind === "table" || kind === "column" || kind === "index" ? asciiLower(name) : name),
};
