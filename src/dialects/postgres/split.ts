/**
 * Cuts a PostgreSQL migration file into statements the way psql does, and says which
 * statements need special transaction handling.
 */
import type { SqlStatement, StatementClass } from "../dialect.js";
import {
  Scanner,
  StatementList,
  hasAt,
  indexOfSequence,
  isSpace,
  isWordChar,
  tokensOf,
  type Lexer,
} from "../split-scanner.js";

/** Reads one PostgreSQL token. */
const lex: Lexer = (s, i) => {
  const src = s.source;
  const code = src.charCodeAt(i);
  const next = src.charCodeAt(i + 1);
  if (isSpace(code)) return s.token("space", s.spaceEnd(i));
  if (code === 45 && next === 45) return s.token("comment", s.lineEnd(i));
  if (code === 47 && next === 42) return s.token("comment", s.blockCommentEnd(i, true));
  if (code === 39) return s.token("opaque", s.quotedEnd(i, false, "String"));
  if (code === 34) return s.token("opaque", s.quotedEnd(i, false, "Quoted identifier"));
  if (code === 36) return s.token(...dollar(s, i));
  if (!isWordChar(code)) return s.token("punct", i + 1);
  const end = s.wordEnd(i);
  // E'...' takes backslash escapes; in any other string a backslash is an ordinary character.
  if (end === i + 1 && (code === 69 || code === 101) && next === 39) {
    return s.token("opaque", s.quotedEnd(i + 1, true, "Escape string"));
  }
  s.token("word", end);
};

/** A `$tag$ ... $tag$` string, or a lone `$` as in a `$1` parameter. */
function dollar(s: Scanner, i: number): ["opaque" | "punct", number] {
  const src = s.source;
  let j = i + 1;
  // A tag is an identifier without `$`: it cannot start with a digit, which keeps $1 a parameter.
  if (j < src.length && isWordChar(src.charCodeAt(j)) && !isDigit(src.charCodeAt(j))) {
    while (j < src.length && src.charCodeAt(j) !== 36 && isWordChar(src.charCodeAt(j))) j++;
  }
  if (src.charCodeAt(j) !== 36) return ["punct", i + 1];
  const tag = src.slice(i, j + 1);
  return ["opaque", s.closedBy(tag, i, j + 1, `Dollar-quoted string ${tag}`)];
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * psql's rule for SQL-standard bodies (`CREATE FUNCTION ... BEGIN ATOMIC ... END`): in a
 * statement starting CREATE [OR REPLACE] FUNCTION|PROCEDURE, semicolons between BEGIN and
 * its END, outside parentheses, do not end the statement; CASE ... END nests inside.
 */
class BodyTracker {
  private head = "";
  private words = 0;
  private routine = false;
  depth = 0;

  word(word: string): void {
    const w = word.toLowerCase();
    if (this.words++ < 4) {
      this.head += this.words === 1 ? w : ` ${w}`;
      this.routine = /^create (or replace )?(function|procedure)\b/.test(this.head);
    }
    if (!this.routine) return;
    if (w === "begin") this.depth++;
    else if (w === "case" && this.depth > 0) this.depth++;
    else if (w === "end" && this.depth > 0) this.depth--;
  }
}

/** Cuts PostgreSQL source into statements; `file` only labels errors. */
export function split(source: string, file?: string): SqlStatement[] {
  const s = new Scanner(source, file);
  const out = new StatementList(s);
  let parens = 0;
  let body = new BodyTracker();
  for (let i = 0; i < source.length; i = s.end) {
    lex(s, i);
    if (s.kind === "space") continue;
    if (s.kind === "comment") {
      out.comment(s.end);
      continue;
    }
    const code = source.charCodeAt(i);
    // psql ends a statement only at a semicolon outside parentheses and outside a BEGIN ATOMIC body.
    if (code === 59 && s.kind === "punct" && parens === 0 && body.depth === 0) {
      out.cut(i + 1);
      body = new BodyTracker();
      continue;
    }
    out.token(i, s.end);
    if (s.kind === "word" && parens === 0) body.word(source.slice(i, s.end));
    else if (code === 40 && s.kind === "punct") parens++;
    else if (code === 41 && s.kind === "punct" && parens > 0) parens--;
  }
  return out.finish();
}

const TRANSACTION_CONTROL: StatementClass = { kind: "transaction-control" };
const PLAIN: StatementClass = { kind: "plain" };
const ENUM_VALUE_ADDED: StatementClass = {
  kind: "commit-after",
  reason: "a value added by ALTER TYPE ... ADD VALUE cannot be used until the transaction commits",
};
const FALSE_VALUES = new Set(["false", "off", "0", "'false'", "'off'", "'0'"]);

/** The class of a statement PostgreSQL refuses inside BEGIN ... COMMIT, in the server's own words. */
function outside(what: string): StatementClass {
  return { kind: "no-transaction", reason: `${what} cannot run inside a transaction block` };
}

/**
 * Says whether a PostgreSQL statement needs special transaction handling. SAVEPOINT,
 * RELEASE and ROLLBACK TO are plain: they work inside the transaction shale opens.
 */
export function classify(statement: SqlStatement): StatementClass {
  const t = tokensOf(statement.sql, lex);
  switch (t[0]) {
    case "begin":
    case "start":
    case "end":
    case "abort":
      return TRANSACTION_CONTROL;
    case "commit":
    case "rollback":
      return finish(t);
    case "prepare":
      return t[1] === "transaction" ? TRANSACTION_CONTROL : PLAIN;
    case "vacuum":
      return outside("VACUUM");
    case "discard":
      return t[1] === "all" ? outside("DISCARD ALL") : PLAIN;
    case "create":
      return create(t);
    case "drop":
      return drop(t);
    case "alter":
      return alter(t);
    case "reindex":
      return reindex(t);
    case "cluster":
      return cluster(t);
    default:
      return PLAIN;
  }
}

/** COMMIT / ROLLBACK, with the two-phase forms that act on another transaction. */
function finish(t: string[]): StatementClass {
  if (t[1] === "prepared") return outside(`${t[0]!.toUpperCase()} PREPARED`);
  const k = t[1] === "work" || t[1] === "transaction" ? 2 : 1;
  return t[0] === "rollback" && t[k] === "to" ? PLAIN : TRANSACTION_CONTROL;
}

function create(t: string[]): StatementClass {
  const k = t[1] === "unique" ? 2 : 1;
  if (hasAt(t, k, "index", "concurrently")) return outside("CREATE INDEX CONCURRENTLY");
  if (t[1] === "database" || t[1] === "tablespace") return outside(`CREATE ${t[1].toUpperCase()}`);
  // Without a connection or with create_slot = false no replication slot is made, and then it may.
  if (t[1] === "subscription" && !optionIsFalse(t, "connect") && !optionIsFalse(t, "create_slot")) {
    return outside("CREATE SUBSCRIPTION ... WITH (create_slot = true)");
  }
  return PLAIN;
}

function drop(t: string[]): StatementClass {
  if (hasAt(t, 1, "index", "concurrently")) return outside("DROP INDEX CONCURRENTLY");
  if (t[1] === "database" || t[1] === "tablespace") return outside(`DROP ${t[1].toUpperCase()}`);
  // Only a subscription with a replication slot refuses, which the text alone cannot tell.
  if (t[1] === "subscription") return outside("DROP SUBSCRIPTION (of a subscription with a replication slot)");
  return PLAIN;
}

function alter(t: string[]): StatementClass {
  switch (t[1]) {
    case "system":
      return outside("ALTER SYSTEM");
    case "database":
      return indexOfSequence(t, 2, "set", "tablespace") >= 0 ? outside("ALTER DATABASE SET TABLESPACE") : PLAIN;
    case "table": {
      const detach = indexOfSequence(t, 2, "detach", "partition");
      return detach >= 0 && t.indexOf("concurrently", detach) >= 0
        ? outside("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY")
        : PLAIN;
    }
    case "subscription":
      return refreshesPublication(t) ? outside("ALTER SUBSCRIPTION with refresh") : PLAIN;
    case "type":
      // PostgreSQL 12+ runs it in a transaction, but refuses the new value until that commits.
      return indexOfSequence(t, 2, "add", "value") >= 0 ? ENUM_VALUE_ADDED : PLAIN;
    default:
      return PLAIN;
  }
}

/** REFRESH PUBLICATION, and SET/ADD/DROP PUBLICATION whose refresh option is left on. */
function refreshesPublication(t: string[]): boolean {
  if (indexOfSequence(t, 2, "refresh", "publication") >= 0) return true;
  const changes = ["set", "add", "drop"].some((verb) => indexOfSequence(t, 2, verb, "publication") >= 0);
  return changes && !optionIsFalse(t, "refresh");
}

function reindex(t: string[]): StatementClass {
  if (t.includes("concurrently")) return outside("REINDEX CONCURRENTLY");
  const target = t[afterOptions(t, 1)];
  return target === "schema" || target === "database" || target === "system"
    ? outside(`REINDEX ${target.toUpperCase()}`)
    : PLAIN;
}

/** CLUSTER with no table name re-clusters every table, which PostgreSQL refuses in a transaction. */
function cluster(t: string[]): StatementClass {
  let k = afterOptions(t, 1);
  if (t[k] === "verbose") k++;
  return k >= t.length ? outside("CLUSTER without a table name") : PLAIN;
}

/** Index past a parenthesised option list at `k`, or `k` when there is none. */
function afterOptions(t: string[], k: number): number {
  return t[k] === "(" ? t.indexOf(")", k) + 1 || t.length : k;
}

/** True when the statement sets option `name` to false, as in WITH (connect = false). */
function optionIsFalse(t: string[], name: string): boolean {
  for (let i = t.indexOf(name); i >= 0; i = t.indexOf(name, i + 1)) {
    if (t[i + 1] === "=" && FALSE_VALUES.has(t[i + 2]!)) return true;
  }
  return false;
}
