/**
 * A comparison key under which expressions that test membership of the same set compare equal:
 * the items of an IN list in any order and with repeats, and a chain of equalities joined by OR
 * (`c = 'a' OR c = 'b'`), which SQL defines to mean `c IN ('a','b')`. Only compared, never
 * rendered: the DDL keeps the text as written.
 */
import { stripIntroducers, stripOuterParens } from "./sql-text.js";
import { tokenize, type Token } from "./sql-tokens.js";

const isOpen = (t: Token | undefined) => t?.kind === "punct" && t.text === "(";
const isClose = (t: Token | undefined) => t?.kind === "punct" && t.text === ")";
const isWord = (t: Token | undefined, word: string) => t?.kind === "word" && t.text.toLowerCase() === word;

/** The tokens split at top-level separators that `splits` recognises. */
function splitTop(tokens: readonly Token[], splits: (t: Token) => boolean): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isOpen(t)) depth += 1;
    if (isClose(t)) depth -= 1;
    if (depth === 0 && splits(t)) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out;
}

/** The index of the parenthesis closing the one at `open`. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    if (isOpen(tokens[i])) depth += 1;
    if (isClose(tokens[i]) && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Sorted, distinct item keys as one IN list key. */
function inList(items: readonly string[]): string {
  return `in ( ${[...new Set(items)].sort().join(" , ")} )`;
}

/** The key of a token run: keywords lower-case, single spaces, every IN list sorted and without repeats. */
function runKey(tokens: readonly Token[]): string {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (isWord(t, "in") && isOpen(tokens[i + 1])) {
      const end = closing(tokens, i + 1);
      out.push(inList(splitTop(tokens.slice(i + 2, end), (x) => x.text === ",").map(runKey)));
      i = end;
      continue;
    }
    out.push(t.kind === "word" || t.kind === "punct" ? t.text.toLowerCase() : t.text);
  }
  return out.join(" ");
}

const LOOSER_THAN_EQUALS = new Set(["and", "or", "xor", "not", "is", "between", "like", "rlike", "regexp", "in", "case", "&&", "||", "<", ">", "<=", ">=", "<>", "!=", "<=>", ":="]);

/** `x = literal` as [key of x, literal], when the term is just that. */
function equality(term: readonly Token[]): [string, string] | undefined {
  let depth = 0;
  let at = -1;
  for (let i = 0; i < term.length; i += 1) {
    const t = term[i]!;
    if (isOpen(t)) depth += 1;
    if (isClose(t)) depth -= 1;
    if (depth > 0 || t.kind === "string" || t.kind === "ident" || t.kind === "number") continue;
    if (t.text === "=") {
      if (at >= 0) return undefined;
      at = i;
    } else if (LOOSER_THAN_EQUALS.has(t.text.toLowerCase())) {
      return undefined;
    }
  }
  const value = term[at + 1];
  if (at <= 0 || term.length !== at + 2 || (value?.kind !== "string" && value?.kind !== "number")) return undefined;
  return [runKey(term.slice(0, at)), value.text];
}

/** The comparison key of an expression (see the file comment). */
export function membershipKey(sql: string): string {
  const tokens = tokenize(stripOuterParens(stripIntroducers(sql.trim())));
  const terms = splitTop(tokens, (t) => isWord(t, "or"));
  const equalities = terms.map(equality);
  const subject = equalities[0]?.[0];
  if (terms.length > 1 && equalities.every((e) => e !== undefined && e[0] === subject)) {
    return `${subject} ${inList(equalities.map((e) => e![1]))}`;
  }
  return runKey(tokens);
}
