/**
 * The PARTITION BY clause as a small tree: a tokenizer and parser for the clause body
 * (`RANGE (year(d)) (PARTITION p0 VALUES LESS THAN (2000), …)`), and the one text form every
 * tree prints as. Partition expressions and values print in the form MariaDB's catalog uses
 * (functions lower-case, columns in backticks, no space after commas), so that a clause written
 * by hand and the same clause read from information_schema.PARTITIONS end up as equal strings.
 */
import { quoteIdent } from "./quote.js";
import { tokenize, type Token } from "./sql-tokens.js";

/** One partition: its name, its VALUES bound (canonical text), options and subpartitions. */
export interface PartitionDefinition {
  readonly name: string;
  /** "LESS THAN (10)", "LESS THAN MAXVALUE", "IN (1,2)"; absent for HASH and KEY. */
  readonly values?: string;
  /** Options other than the storage engine, as text ("COMMENT = 'x'"). */
  readonly options: readonly string[];
  readonly subpartitions: readonly { readonly name: string; readonly options: readonly string[] }[];
}

/** How rows are spread: "RANGE", "LIST COLUMNS", "LINEAR HASH", …, over an expression or column list. */
export interface PartitionMethod {
  readonly method: string;
  readonly expression: string;
  /** PARTITIONS n / SUBPARTITIONS n, when the partitions are not listed. */
  readonly count?: number;
}

/** A whole partitioning scheme. */
export interface PartitionScheme extends PartitionMethod {
  readonly sub?: PartitionMethod;
  readonly partitions: readonly PartitionDefinition[];
}

// Reserved words that stay bare; any other bare word not followed by "(" is a column name.
const KEYWORDS = new Set(["AND", "OR", "XOR", "NOT", "IS", "NULL", "TRUE", "FALSE", "MAXVALUE", "MOD", "DIV", "IN", "BETWEEN", "LIKE"]);
// MariaDB's catalog prints % as MOD; both servers take either, so one spelling is kept.
const OPERATOR_WORDS: Record<string, string> = { "%": "MOD", "!=": "<>", "&&": "AND" };

/** An expression (or column list, or value list) in the catalog's form. */
function expressionText(tokens: readonly Token[]): string {
  let out = "";
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    let text = token.text;
    if (token.kind === "word") {
      const upper = text.toUpperCase();
      if (next?.text === "(") text = text.toLowerCase();
      else text = KEYWORDS.has(upper) ? upper : quoteIdent(text);
    } else if (token.kind === "punct") {
      text = OPERATOR_WORDS[text] ?? text;
    }
    const beforeSign = tokens[i - 2];
    const unary = (previous?.text === "-" || previous?.text === "+") && previous.kind === "punct" && (!beforeSign || (beforeSign.kind === "punct" && beforeSign.text !== ")"));
    const tight = !previous || ["(", ",", "."].includes(previous.text) || [")", ",", "."].includes(token.text) || (token.text === "(" && previous.kind === "word") || unary;
    out += tight ? text : ` ${text}`;
  });
  return out;
}

/** A cursor over the tokens; every method returns undefined or throws SyntaxError when the clause does not fit. */
class Cursor {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  /** Takes the next token when it is one of the words (case-insensitive). */
  word(...words: string[]): string | undefined {
    const token = this.tokens[this.at];
    if (token?.kind !== "word" || !words.includes(token.text.toUpperCase())) return undefined;
    this.at += 1;
    return token.text.toUpperCase();
  }

  punct(text: string): boolean {
    if (this.tokens[this.at]?.text !== text || this.tokens[this.at]?.kind !== "punct") return false;
    this.at += 1;
    return true;
  }

  expect(check: boolean | string | undefined, what: string): void {
    if (check === false || check === undefined) throw new SyntaxError(`expected ${what}`);
  }

  /** A name, quoted or bare. */
  name(): string {
    const token = this.tokens[this.at];
    if (token?.kind === "ident") {
      this.at += 1;
      return token.text.slice(1, -1).replace(/``/g, "`");
    }
    this.expect(token?.kind === "word", "a name");
    this.at += 1;
    return token!.text;
  }

  number(): number {
    const token = this.tokens[this.at];
    this.expect(token?.kind === "number", "a number");
    this.at += 1;
    return Number(token!.text);
  }

  /** The tokens inside a parenthesised group, the parentheses consumed. */
  group(): Token[] {
    this.expect(this.punct("("), "(");
    const start = this.at;
    let depth = 1;
    while (!this.done()) {
      const token = this.tokens[this.at]!;
      if (token.kind === "punct" && token.text === "(") depth += 1;
      if (token.kind === "punct" && token.text === ")" && --depth === 0) break;
      this.at += 1;
    }
    this.expect(depth === 0, ")");
    this.at += 1;
    return this.tokens.slice(start, this.at - 1);
  }

  /** The tokens up to (not including) a top-level `,`, `(` or `)`. */
  until(): Token[] {
    const start = this.at;
    while (!this.done() && !(this.tokens[this.at]!.kind === "punct" && ",()".includes(this.tokens[this.at]!.text))) this.at += 1;
    return this.tokens.slice(start, this.at);
  }
}

function method(cursor: Cursor, sub: boolean): { method: string; expression: string } {
  const linear = cursor.word("LINEAR");
  const kind = cursor.word(...(sub || linear ? ["HASH", "KEY"] : ["HASH", "KEY", "RANGE", "LIST"]));
  cursor.expect(kind, "HASH, KEY, RANGE or LIST");
  // ALGORITHM=1|2 only chooses MySQL 5.1's key hashing; the catalog does not report it.
  if (kind === "KEY" && cursor.word("ALGORITHM")) {
    cursor.expect(cursor.punct("="), "=");
    cursor.number();
  }
  const columns = kind === "RANGE" || kind === "LIST" ? cursor.word("COLUMNS") : undefined;
  const expression = expressionText(cursor.group());
  return { method: [linear, kind, columns].filter(Boolean).join(" "), expression };
}

/** Options of a partition: ENGINE dropped (it follows the table's), COMMENT in one spelling, others as written. */
function options(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  let rest = [...tokens];
  while (rest.length > 0) {
    const upper = rest.map((t) => (t.kind === "word" ? t.text.toUpperCase() : t.text));
    const skip = upper[0] === "STORAGE" ? 1 : 0;
    if (upper[skip] === "ENGINE" || upper[0] === "COMMENT") {
      const valueAt = skip + 1 + (upper[skip + 1] === "=" ? 1 : 0);
      if (upper[0] === "COMMENT") out.push(`COMMENT = ${rest[valueAt]?.text ?? "''"}`);
      rest = rest.slice(valueAt + 1);
      continue;
    }
    const next = upper.findIndex((word, i) => i > 0 && ["STORAGE", "ENGINE", "COMMENT"].includes(word));
    const own = next < 0 ? rest : rest.slice(0, next);
    out.push(own.map((t) => t.text).join(" "));
    rest = next < 0 ? [] : rest.slice(next);
  }
  return out;
}

function partition(cursor: Cursor, methodName: string): PartitionDefinition {
  cursor.expect(cursor.word("PARTITION"), "PARTITION");
  const name = cursor.name();
  let values: string | undefined;
  if (cursor.word("VALUES")) {
    if (cursor.word("LESS")) {
      cursor.expect(cursor.word("THAN"), "THAN");
      const bound = cursor.word("MAXVALUE") ? "MAXVALUE" : expressionText(cursor.group());
      values = bound === "MAXVALUE" && methodName === "RANGE" ? "LESS THAN MAXVALUE" : `LESS THAN (${bound})`;
    } else {
      cursor.expect(cursor.word("IN"), "LESS THAN or IN");
      values = `IN (${listValues(cursor.group(), methodName)})`;
    }
  }
  const own = options(cursor.until());
  const subpartitions: PartitionDefinition["subpartitions"][number][] = [];
  if (cursor.punct("(")) {
    do {
      cursor.expect(cursor.word("SUBPARTITION"), "SUBPARTITION");
      subpartitions.push({ name: cursor.name(), options: options(cursor.until()) });
    } while (cursor.punct(","));
    cursor.expect(cursor.punct(")"), ")");
  }
  return { name, ...(values !== undefined ? { values } : {}), options: own, subpartitions };
}

/** A LIST partition's values; MariaDB prints NULL first, whatever place it was written in. */
function listValues(tokens: readonly Token[], methodName: string): string {
  const text = expressionText(tokens);
  if (methodName !== "LIST") return text;
  const items = text.split(",");
  return [...items.filter((item) => item === "NULL"), ...items.filter((item) => item !== "NULL")].join(",");
}

/** Parses a PARTITION BY clause body (the keywords themselves may lead); throws SyntaxError when it does not fit. */
export function parsePartitioning(sql: string): PartitionScheme {
  const cursor = new Cursor(tokenize(sql));
  if (cursor.word("PARTITION")) cursor.expect(cursor.word("BY"), "BY");
  const head = method(cursor, false);
  const count = cursor.word("PARTITIONS") ? cursor.number() : undefined;
  let sub: PartitionMethod | undefined;
  if (cursor.word("SUBPARTITION")) {
    cursor.expect(cursor.word("BY"), "BY");
    const subHead = method(cursor, true);
    sub = { ...subHead, ...(cursor.word("SUBPARTITIONS") ? { count: cursor.number() } : {}) };
  }
  const partitions: PartitionDefinition[] = [];
  if (cursor.punct("(")) {
    do partitions.push(partition(cursor, head.method));
    while (cursor.punct(","));
    cursor.expect(cursor.punct(")"), ")");
  }
  cursor.expect(cursor.done(), "the end of the clause");
  return { ...head, ...(count !== undefined ? { count } : {}), ...(sub ? { sub } : {}), partitions };
}

/** A partition definition as DDL, as ADD PARTITION and the full clause write it. */
export function partitionText(p: PartitionDefinition): string {
  const values = p.values !== undefined ? ` VALUES ${p.values}` : "";
  const opts = p.options.map((o) => ` ${o}`).join("");
  const subs = p.subpartitions.map((s) => `SUBPARTITION ${quoteIdent(s.name)}${s.options.map((o) => ` ${o}`).join("")}`);
  return `PARTITION ${quoteIdent(p.name)}${values}${opts}${subs.length > 0 ? ` (${subs.join(", ")})` : ""}`;
}

/** The scheme as the clause body, in the one canonical form. */
export function schemeText(scheme: PartitionScheme): string {
  const parts = [`${scheme.method} (${scheme.expression})`];
  if (scheme.count !== undefined) parts.push(`PARTITIONS ${scheme.count}`);
  if (scheme.sub) {
    parts.push(`SUBPARTITION BY ${scheme.sub.method} (${scheme.sub.expression})`);
    if (scheme.sub.count !== undefined) parts.push(`SUBPARTITIONS ${scheme.sub.count}`);
  }
  if (scheme.partitions.length > 0) parts.push(`(${scheme.partitions.map(partitionText).join(", ")})`);
  return parts.join(" ");
}
