/**
 * Cuts a SQLite migration file into statements by the rule of sqlite3_complete(), and says
 * which statements need special transaction handling.
 */
import type { SqlStatement, StatementClass } from "../dialect.js";
import { Scanner, StatementList, hasAt, isSpace, isWordChar, tokensOf, type Lexer } from "../split-scanner.js";

/** Reads one SQLite token. */
const lex: Lexer = (s, i) => {
  const src = s.source;
  const code = src.charCodeAt(i);
  const next = src.charCodeAt(i + 1);
  if (isSpace(code)) return s.token("space", s.spaceEnd(i));
  if (code === 45 && next === 45) return s.token("comment", s.lineEnd(i));
  if (code === 47 && next === 42) return s.token("comment", s.blockCommentEnd(i, false));
  if (code === 39) return s.token("opaque", s.quotedEnd(i, false, "String"));
  if (code === 34 || code === 96) return s.token("opaque", s.quotedEnd(i, false, "Quoted identifier"));
  // [name] has no escape: the first ] closes it.
  if (code === 91) return s.token("opaque", s.closedBy("]", i, i + 1, "Bracketed identifier"));
  if (!isWordChar(code)) return s.token("punct", i + 1);
  s.token("word", s.wordEnd(i));
};

/*
 * sqlite3_complete()'s state machine. Inside CREATE [TEMP] TRIGGER a semicolon ends the
 * statement only as the tail of "; END ;", so the END of a CASE inside the body (never
 * right after a semicolon) does not close it.
 */
const INVALID = 0; // states are rows
const START = 1;
const SEMI = 0; // token classes are columns
const OTHER = 1;
const KEYWORDS = new Map([["explain", 2], ["create", 3], ["temp", 4], ["temporary", 4], ["trigger", 5], ["end", 6]]);
const TRANSITIONS: readonly (readonly number[])[] = [
  /*               SEMI OTHER EXPLAIN CREATE TEMP TRIGGER END */
  /* 0 INVALID */ [1, 2, 3, 4, 2, 2, 2],
  /* 1 START   */ [1, 2, 3, 4, 2, 2, 2],
  /* 2 NORMAL  */ [1, 2, 2, 2, 2, 2, 2],
  /* 3 EXPLAIN */ [1, 3, 2, 4, 2, 2, 2],
  /* 4 CREATE  */ [1, 2, 2, 2, 4, 5, 2],
  /* 5 TRIGGER */ [6, 5, 5, 5, 5, 5, 5],
  /* 6 SEMI    */ [6, 5, 5, 5, 5, 5, 7],
  /* 7 END     */ [1, 5, 5, 5, 5, 5, 5],
];

function tokenClass(s: Scanner, i: number): number {
  if (s.kind !== "word") return s.kind === "punct" && s.source.charCodeAt(i) === 59 ? SEMI : OTHER;
  const length = s.end - i;
  if (length < 3 || length > 9) return OTHER;
  return KEYWORDS.get(s.source.slice(i, s.end).toLowerCase()) ?? OTHER;
}

/** Cuts SQLite source into statements; `file` only labels errors. */
export function split(source: string, file?: string): SqlStatement[] {
  const s = new Scanner(source, file);
  const out = new StatementList(s);
  let state = INVALID;
  for (let i = 0; i < source.length; i = s.end) {
    lex(s, i);
    if (s.kind === "space") continue;
    if (s.kind === "comment") {
      out.comment(s.end);
      continue;
    }
    const tokenKind = tokenClass(s, i);
    state = TRANSITIONS[state]![tokenKind]!;
    if (tokenKind === SEMI && state === START) out.cut(s.end);
    else out.token(i, s.end);
  }
  return out.finish();
}

const TRANSACTION_CONTROL: StatementClass = { kind: "transaction-control" };
const PLAIN: StatementClass = { kind: "plain" };
const PRAGMA_REASONS = new Map([
  ["foreign_keys", "PRAGMA foreign_keys does nothing inside a transaction"],
  ["journal_mode", "PRAGMA journal_mode cannot switch to or from WAL inside a transaction"],
  ["synchronous", "PRAGMA synchronous cannot be changed inside a transaction"],
]);

/**
 * Says whether a SQLite statement needs special transaction handling. SAVEPOINT and
 * RELEASE are plain: they nest inside the transaction shale opens.
 */
export function classify(statement: SqlStatement): StatementClass {
  const t = tokensOf(statement.sql, lex);
  switch (t[0]) {
    case "begin":
    case "commit":
    case "end":
      return TRANSACTION_CONTROL;
    case "rollback":
      return t[t[1] === "transaction" ? 2 : 1] === "to" ? PLAIN : TRANSACTION_CONTROL;
    case "vacuum":
      return { kind: "no-transaction", reason: "VACUUM cannot run inside a transaction" };
    case "pragma":
      return pragma(t);
    default:
      return PLAIN;
  }
}

/** Setting (not reading) a pragma that a transaction ignores or refuses. */
function pragma(t: string[]): StatementClass {
  const k = hasAt(t, 2, ".") ? 3 : 1;
  const reason = PRAGMA_REASONS.get(t[k]!);
  return reason !== undefined && (t[k + 1] === "=" || t[k + 1] === "(") ? { kind: "no-transaction", reason } : PLAIN;
}
