/**
 * Cuts a MySQL/MariaDB migration file into statements the way the mysql client does,
 * DELIMITER lines included, and keeps stored-program bodies written without DELIMITER
 * whole. Says which statements are transaction control.
 */
import { ShaleError } from "../../errors.js";
import type { SqlStatement, StatementClass } from "../dialect.js";
import { Scanner, StatementList, isSpace, isWordChar, tokensOf, type Lexer } from "../split-scanner.js";

/** Reads MySQL tokens; a delimiter that starts with a word character ends a word, as in END$$. */
function lexer(delimiter: string): Lexer {
  const cutsWords = isWordChar(delimiter.charCodeAt(0));
  return (s, i) => {
    const src = s.source;
    const code = src.charCodeAt(i);
    const next = src.charCodeAt(i + 1);
    if (isSpace(code)) return s.token("space", s.spaceEnd(i));
    if (code === 35) return s.token("comment", s.lineEnd(i));
    // "--" opens a comment only when a blank or control character follows: 1--1 is arithmetic.
    if (code === 45 && next === 45 && !(src.charCodeAt(i + 2) > 32)) return s.token("comment", s.lineEnd(i));
    if (code === 47 && next === 42) return s.token(...blockComment(s, i));
    if (code === 39 || code === 34) return s.token("opaque", s.quotedEnd(i, true, "String"));
    if (code === 96) return s.token("opaque", s.quotedEnd(i, false, "Backtick identifier"));
    if (!isWordChar(code)) return s.token("punct", i + 1);
    if (!cutsWords) return s.token("word", s.wordEnd(i));
    let j = i + 1;
    while (j < src.length && isWordChar(src.charCodeAt(j)) && !src.startsWith(delimiter, j)) j++;
    s.token("word", j);
  };
}

/** A block comment, or an executable one opened by "/*!" or "/*M!": code the server runs, so statement text. */
function blockComment(s: Scanner, i: number): ["comment" | "opaque", number] {
  const src = s.source;
  const bang = src.charCodeAt(i + 2) === 33 || (src.charCodeAt(i + 2) === 77 && src.charCodeAt(i + 3) === 33);
  return bang ? ["opaque", s.closedBy("*/", i, i + 2, "Executable comment")] : ["comment", s.blockCommentEnd(i, false)];
}

const PRELUDE = new Set(["or", "replace", "definer", "current_user", "aggregate", "sql", "security", "invoker"]);
const ROUTINES = new Set(["trigger", "procedure", "function", "event"]);
const OPENERS = new Set(["if", "loop", "while", "repeat"]);
const AFTER_END = new Set(["if", "case", "loop", "while", "repeat"]);
const STARTERS = new Set(["then", "else", "do", "atomic"]);

/**
 * Follows BEGIN ... END nesting in CREATE TRIGGER/PROCEDURE/FUNCTION/EVENT (and MariaDB's
 * BEGIN NOT ATOMIC) written without DELIMITER, so the semicolons inside do not cut. IF, LOOP,
 * WHILE and REPEAT open a block only where a statement starts, since IF() and REPEAT() are
 * also functions; CASE always does, as both of its forms end with END. A guess, like the
 * one the mysql client avoids by DELIMITER: an unquoted column named `end` inside such a
 * body ends it early, and the server then reports the broken statement.
 */
class BodyTracker {
  private stage: "first" | "begin" | "head" | "body" | "none" = "first";
  private statementStart = false;
  private afterEnd = false;
  private label = false;
  private prevPunct = 0;
  depth = 0;

  word(w: string): void {
    const prevPunct = this.prevPunct;
    this.prevPunct = 0;
    if (this.stage === "first") {
      this.stage = w === "create" || w === "alter" ? "head" : w === "begin" ? "begin" : "none";
    } else if (this.stage === "begin") {
      this.stage = w === "not" ? "body" : "none";
      if (w === "not") this.depth = 1;
    } else if (this.stage === "head") {
      // DEFINER = user@host: the names after = and @ say nothing about the object.
      if (prevPunct !== 61 && prevPunct !== 64 && !PRELUDE.has(w)) this.stage = ROUTINES.has(w) ? "body" : "none";
    } else if (this.stage === "body") {
      this.nest(w);
    }
  }

  punct(code: number): void {
    this.statementStart = code === 59 || (code === 58 && this.label);
    this.label = false;
    this.afterEnd = false;
    this.prevPunct = code;
    if (this.stage === "first") this.stage = "none";
  }

  opaque(): void {
    this.statementStart = false;
    this.label = false;
    this.afterEnd = false;
    this.prevPunct = 0;
    if (this.stage === "first") this.stage = "none";
  }

  private nest(w: string): void {
    if (this.afterEnd) {
      this.afterEnd = false;
      if (AFTER_END.has(w)) return;
    }
    const atStart = this.statementStart;
    this.statementStart = false;
    this.label = false;
    if (w === "begin") {
      this.depth++;
      this.statementStart = true;
    } else if (w === "case") {
      this.depth++;
    } else if (w === "end") {
      if (this.depth > 0) this.depth--;
      this.afterEnd = true;
    } else if (atStart && OPENERS.has(w)) {
      this.depth++;
      this.statementStart = w === "loop" || w === "repeat";
    } else if (STARTERS.has(w) || w === "row") {
      // FOR EACH ROW is where a trigger's body starts.
      this.statementStart = true;
    } else {
      this.label = atStart;
    }
  }
}

/** A DELIMITER command at `i`: the new delimiter and where its line ends, or undefined if it is not one. */
function delimiterCommand(s: Scanner, i: number): { delimiter: string; lineEnd: number } | undefined {
  const src = s.source;
  if (src.slice(i, i + 9).toLowerCase() !== "delimiter" || isWordChar(src.charCodeAt(i + 9))) return undefined;
  // The mysql client takes DELIMITER only as the first thing on a line.
  for (let k = i - 1; k >= 0 && src.charCodeAt(k) !== 10; k--) if (!isSpace(src.charCodeAt(k))) return undefined;
  const lineEnd = s.lineEnd(i);
  const delimiter = delimiterArgument(src.slice(i + 9, lineEnd).trim());
  if (delimiter === "" || delimiter.includes("\\")) {
    const line = s.lineAt(i);
    throw new ShaleError("SHALE_E_SPLIT", `DELIMITER on line ${line} needs a delimiter without backslashes`, {
      file: s.file,
      line,
      hint: "Write it as the mysql client expects, for example DELIMITER // and later DELIMITER ;",
    });
  }
  return { delimiter, lineEnd };
}

/** The first word of a DELIMITER line's argument, or what a pair of quotes holds. */
function delimiterArgument(rest: string): string {
  const quote = rest[0];
  if (quote === "'" || quote === '"' || quote === "`") {
    const close = rest.indexOf(quote, 1);
    return rest.slice(1, close < 0 ? undefined : close);
  }
  return rest.split(/\s/, 1)[0]!;
}

/** Cuts MySQL/MariaDB source into statements; `file` only labels errors. */
export function split(source: string, file?: string): SqlStatement[] {
  const s = new Scanner(source, file);
  const out = new StatementList(s);
  let delimiter = ";";
  let lex = lexer(delimiter);
  let body = new BodyTracker();
  for (let i = 0; i < source.length; i = s.end) {
    // Looked for before the delimiter, so a delimiter such as IT cannot hide DELIMITER ; itself.
    const command = out.empty && (source.charCodeAt(i) | 32) === 100 ? delimiterCommand(s, i) : undefined;
    if (command) {
      ({ delimiter } = command);
      lex = lexer(delimiter);
      s.token("space", command.lineEnd);
      out.restart(command.lineEnd);
      continue;
    }
    if (source.startsWith(delimiter, i) && body.depth === 0) {
      s.token("punct", i + delimiter.length);
      out.cut(s.end);
      body = new BodyTracker();
      continue;
    }
    lex(s, i);
    if (s.kind === "space") continue;
    if (s.kind === "comment") {
      out.comment(s.end);
      continue;
    }
    out.token(i, s.end);
    // With a delimiter of its own the file marks where bodies end, as the mysql client needs.
    if (delimiter !== ";") continue;
    if (s.kind === "word") body.word(source.slice(i, s.end).toLowerCase());
    else if (s.kind === "punct") body.punct(source.charCodeAt(i));
    else body.opaque();
  }
  return out.finish();
}

const lexDefault = lexer(";");
const TRANSACTION_CONTROL: StatementClass = { kind: "transaction-control" };
const PLAIN: StatementClass = { kind: "plain" };

/**
 * Says whether a MySQL statement is transaction control. Nothing else is special: MySQL
 * commits DDL implicitly, so shale runs its migrations statement by statement anyway.
 * SAVEPOINT, RELEASE SAVEPOINT and ROLLBACK TO are plain.
 */
export function classify(statement: SqlStatement): StatementClass {
  const t = tokensOf(statement.sql, lexDefault);
  switch (t[0]) {
    case "begin":
      // MariaDB's BEGIN NOT ATOMIC opens a compound statement, not a transaction.
      return t[1] === "not" ? PLAIN : TRANSACTION_CONTROL;
    case "start":
      return t[1] === "transaction" ? TRANSACTION_CONTROL : PLAIN;
    case "commit":
    case "xa":
      return TRANSACTION_CONTROL;
    case "rollback":
      return t[t[1] === "work" ? 2 : 1] === "to" ? PLAIN : TRANSACTION_CONTROL;
    default:
      return PLAIN;
  }
}
