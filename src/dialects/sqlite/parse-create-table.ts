/**
 * Reads what SQLite keeps only in a CREATE TABLE statement's text: CHECK constraints,
 * generated-column expressions, collations, AUTOINCREMENT, constraint names and whether a
 * foreign key is deferred. Everything the pragmas report (columns, types, defaults, keys)
 * is taken from the pragmas instead; this parser fills in the rest.
 */
import {
  closingParen,
  findOpenParen,
  isKeyword,
  isPunct,
  nameOf,
  splitAtCommas,
  textOf,
  tokenize,
  type SqlToken,
} from "./sql-tokens.js";

/** What the text says about one column beyond the pragmas. */
export interface ParsedColumn {
  readonly name: string;
  collation?: string;
  generated?: { readonly expression: string; readonly stored: boolean };
  autoincrement: boolean;
}

/** A CHECK constraint, from a column or the table. */
export interface ParsedCheck {
  readonly name?: string;
  readonly expression: string;
}

/** A UNIQUE constraint, from a column or the table. */
export interface ParsedUnique {
  readonly name?: string;
  readonly columns: readonly string[];
}

/** A foreign key clause, from a column or the table. */
export interface ParsedForeignKey {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly table: string;
  readonly referencedColumns: readonly string[];
  /** Only DEFERRABLE INITIALLY DEFERRED defers a key in SQLite; every other form is immediate. */
  readonly initiallyDeferred: boolean;
}

/** The parts of a CREATE TABLE statement the pragmas do not report. */
export interface ParsedTable {
  readonly columns: ParsedColumn[];
  readonly checks: ParsedCheck[];
  readonly uniques: ParsedUnique[];
  readonly foreignKeys: ParsedForeignKey[];
}

const TABLE_CONSTRAINT_START = new Set(["constraint", "primary", "unique", "check", "foreign"]);
const COLUMN_CONSTRAINT_START = new Set([
  "constraint",
  "primary",
  "not",
  "null",
  "unique",
  "check",
  "default",
  "collate",
  "references",
  "generated",
  "as",
]);

/** A cursor over one column or constraint definition. */
class Reader {
  constructor(
    readonly sql: string,
    readonly tokens: readonly SqlToken[],
    public pos: number,
    readonly end: number,
  ) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  peek(ahead = 0): SqlToken | undefined {
    return this.pos + ahead < this.end ? this.tokens[this.pos + ahead] : undefined;
  }

  /** The current token as a lower-case keyword, or "" when it is not a bare word. */
  word(): string {
    const t = this.peek();
    return t?.kind === "word" ? t.text.toLowerCase() : "";
  }

  /** Consumes the keyword if it is next. */
  accept(word: string): boolean {
    if (!isKeyword(this.peek(), word)) return false;
    this.pos++;
    return true;
  }

  /** Consumes one name token and returns the name. */
  name(): string {
    const t = this.peek();
    this.pos++;
    return t ? nameOf(t) : "";
  }

  /** Consumes one token, or a whole parenthesised group. */
  skip(): void {
    this.pos = isPunct(this.peek(), "(") ? Math.min(closingParen(this.tokens, this.pos), this.end) + 1 : this.pos + 1;
  }

  /** Consumes a parenthesised group and returns the text inside it, trimmed. */
  group(): string {
    if (!isPunct(this.peek(), "(")) return "";
    const close = Math.min(closingParen(this.tokens, this.pos), this.end);
    const text = textOf(this.sql, this.tokens, this.pos + 1, close);
    this.pos = close + 1;
    return text.trim();
  }

  /** Consumes a parenthesised list of names, each the first token of its item ("a COLLATE x DESC" gives a). */
  nameList(): string[] {
    if (!isPunct(this.peek(), "(")) return [];
    const close = Math.min(closingParen(this.tokens, this.pos), this.end);
    const names = splitAtCommas(this.tokens, this.pos + 1, close).map((part) => nameOf(this.tokens[part.from]!));
    this.pos = close + 1;
    return names;
  }
}

/** Parses a CREATE TABLE statement as sqlite_schema stores it. */
export function parseCreateTable(sql: string): ParsedTable {
  const tokens = tokenize(sql);
  const out: ParsedTable = { columns: [], checks: [], uniques: [], foreignKeys: [] };
  const open = findOpenParen(tokens, 0);
  if (open < 0) return out;
  const close = closingParen(tokens, open);
  for (const part of splitAtCommas(tokens, open + 1, close)) {
    const r = new Reader(sql, tokens, part.from, part.to);
    if (TABLE_CONSTRAINT_START.has(r.word())) readTableConstraints(r, out);
    else readColumn(r, out);
  }
  return out;
}

function readColumn(r: Reader, out: ParsedTable): void {
  const column: ParsedColumn = { name: r.name(), autoincrement: false };
  out.columns.push(column);
  while (!r.done && !COLUMN_CONSTRAINT_START.has(r.word())) r.skip();
  let name: string | undefined;
  while (!r.done) {
    const word = r.word();
    if (word === "") {
      r.skip();
      continue;
    }
    r.pos++;
    switch (word) {
      case "constraint":
        name = r.name();
        continue;
      case "primary":
        while (!r.done && !COLUMN_CONSTRAINT_START.has(r.word())) {
          if (r.accept("autoincrement")) column.autoincrement = true;
          else r.skip();
        }
        break;
      case "unique":
        out.uniques.push(named(name, { columns: [column.name] }));
        break;
      case "check":
        out.checks.push(named(name, { expression: r.group() }));
        break;
      case "default":
        if (isPunct(r.peek(), "+") || isPunct(r.peek(), "-")) r.pos++;
        r.skip();
        break;
      case "collate":
        column.collation = r.name();
        break;
      case "references":
        out.foreignKeys.push(readReferences(r, name, [column.name]));
        break;
      case "as":
        column.generated = { expression: r.group(), stored: r.word() === "stored" };
        break;
      // NOT NULL, NULL, GENERATED ALWAYS, ON CONFLICT ... carry nothing the pragmas miss.
    }
    name = undefined;
  }
}

/** Table constraints; SQLite allows them one after another without commas. */
function readTableConstraints(r: Reader, out: ParsedTable): void {
  let name: string | undefined;
  while (!r.done) {
    const word = r.word();
    if (word === "") {
      r.skip();
      continue;
    }
    r.pos++;
    switch (word) {
      case "constraint":
        name = r.name();
        continue;
      case "primary":
        r.accept("key");
        r.nameList();
        break;
      case "unique":
        out.uniques.push(named(name, { columns: r.nameList() }));
        break;
      case "check":
        out.checks.push(named(name, { expression: r.group() }));
        break;
      case "foreign": {
        r.accept("key");
        const columns = r.nameList();
        if (r.accept("references")) out.foreignKeys.push(readReferences(r, name, columns));
        break;
      }
    }
    name = undefined;
  }
}

/** The foreign-key clause after REFERENCES. */
function readReferences(r: Reader, name: string | undefined, columns: readonly string[]): ParsedForeignKey {
  const table = r.name();
  const referencedColumns = r.nameList();
  let initiallyDeferred = false;
  for (;;) {
    if (r.accept("on")) {
      // ON DELETE|UPDATE, then one word (CASCADE, RESTRICT) or two (SET NULL, SET DEFAULT, NO ACTION).
      r.pos++;
      if (!r.accept("set")) r.accept("no");
      r.pos++;
    } else if (r.accept("match")) r.pos++;
    else if (isKeyword(r.peek(), "not") && isKeyword(r.peek(1), "deferrable")) {
      r.pos += 2;
      if (r.accept("initially")) r.pos++;
    } else if (r.accept("deferrable")) {
      if (r.accept("initially")) initiallyDeferred = isKeyword(r.peek(), "deferred");
      if (initiallyDeferred || isKeyword(r.peek(), "immediate")) r.pos++;
    } else break;
  }
  return named(name, { columns, table, referencedColumns, initiallyDeferred });
}

function named<T extends object>(name: string | undefined, value: T): T & { name?: string } {
  return name === undefined ? value : { name, ...value };
}
