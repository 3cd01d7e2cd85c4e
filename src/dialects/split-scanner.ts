/**
 * Lexical plumbing shared by the per-dialect SQL splitters: quoted runs, comments, words,
 * line numbers and the list of statements being cut. Which characters open what, and where
 * a statement ends, is decided by each dialect's split.ts; nothing dialect-specific lives here.
 */
import { ShaleError } from "../errors.js";
import type { SqlStatement } from "./dialect.js";

/** What a token is, as far as splitting cares; "opaque" is a string, quoted name or the like. */
export type TokenKind = "space" | "comment" | "word" | "opaque" | "punct";

/** Reads one token starting at `start` into `scanner.kind` and `scanner.end`. */
export type Lexer = (scanner: Scanner, start: number) => void;

const BACKSLASH = 92;
const NEWLINE = 10;

/** True for blank characters between tokens; a byte order mark counts as blank. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xfeff;
}

/** True for characters of an unquoted word (identifier, keyword or number) in every dialect. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    (code >= 0x80 && code !== 0xfeff)
  );
}

/** A cursor over one SQL source: the last token read, offsets, lines, and errors that point at them. */
export class Scanner {
  kind: TokenKind = "space";
  end = 0;
  private lineStarts: number[] | undefined;

  constructor(
    readonly source: string,
    readonly file: string | undefined,
  ) {}

  /** Sets the token just read. */
  token(kind: TokenKind, end: number): void {
    this.kind = kind;
    this.end = end;
  }

  /** 1-based line of an offset; lines end at "\n", so CRLF files count right. */
  lineAt(offset: number): number {
    const starts = (this.lineStarts ??= this.findLineStarts());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Throws SHALE_E_SPLIT for a construct opened at `start` and never closed. */
  unclosed(what: string, start: number, hint: string): never {
    const line = this.lineAt(start);
    throw new ShaleError("SHALE_E_SPLIT", `${what} starting on line ${line} is never closed`, {
      file: this.file,
      line,
      hint,
    });
  }

  /**
   * Offset just past the quote closing a run opened at `start`; a doubled quote stands for
   * itself, and with `backslash` a backslash escapes the next character.
   */
  quotedEnd(start: number, backslash: boolean, what: string): number {
    const src = this.source;
    const quote = src.charCodeAt(start);
    for (let i = start + 1; i < src.length; i++) {
      const code = src.charCodeAt(i);
      if (code === BACKSLASH && backslash) i++;
      else if (code === quote) {
        if (src.charCodeAt(i + 1) !== quote) return i + 1;
        i++;
      }
    }
    return this.unclosed(what, start, `Add the closing ${src[start]} or remove the stray one.`);
  }

  /** Offset just past the first `close` after `from`, for a construct opened at `start`. */
  closedBy(close: string, start: number, from: number, what: string): number {
    const at = this.source.indexOf(close, from);
    if (at < 0) this.unclosed(what, start, `Add the closing ${close}.`);
    return at + close.length;
  }

  /** Offset just past a block comment opened at `start`, counting nested openers when `nested`. */
  blockCommentEnd(start: number, nested: boolean): number {
    if (!nested) return this.closedBy("*/", start, start + 2, "Block comment");
    const src = this.source;
    let depth = 1;
    for (let i = start + 2; i < src.length - 1; i++) {
      const code = src.charCodeAt(i);
      if (code === 42 && src.charCodeAt(i + 1) === 47) {
        i++;
        if (--depth === 0) return i + 1;
      } else if (code === 47 && src.charCodeAt(i + 1) === 42) {
        i++;
        depth++;
      }
    }
    return this.unclosed("Block comment", start, "Add the closing */ (comments nest here: each /* needs its own */).");
  }

  /** Offset of the newline ending the line that contains `start`, or the end of the source. */
  lineEnd(start: number): number {
    const at = this.source.indexOf("\n", start);
    return at < 0 ? this.source.length : at;
  }

  /** Offset just past the run of word characters starting at `start`. */
  wordEnd(start: number): number {
    const src = this.source;
    let i = start + 1;
    while (i < src.length && isWordChar(src.charCodeAt(i))) i++;
    return i;
  }

  /** Offset just past the blank characters starting at `start`. */
  spaceEnd(start: number): number {
    const src = this.source;
    let i = start + 1;
    while (i < src.length && isSpace(src.charCodeAt(i))) i++;
    return i;
  }

  private findLineStarts(): number[] {
    const starts = [0];
    for (let at = this.source.indexOf("\n"); at >= 0; at = this.source.indexOf("\n", at + 1)) starts.push(at + 1);
    return starts;
  }
}

/**
 * The statements cut so far. A statement's text runs from its first non-blank character
 * (leading comments included) to the end of its last real token, so a comment just before
 * the delimiter is left out and a caller may append a delimiter safely. Its `line` is that
 * of its first real token, so a header comment does not shift where errors point. A comment
 * that ends the line of a delimiter belongs to the statement before it, not the next one.
 */
export class StatementList {
  private readonly statements: SqlStatement[] = [];
  private chunkStart = 0;
  private firstToken = -1;
  private lastTokenEnd = 0;
  private trailingCommentPossible = false;

  constructor(private readonly scanner: Scanner) {}

  /** True while the current statement holds only blanks and comments. */
  get empty(): boolean {
    return this.firstToken < 0;
  }

  /** Records a real token from `start` to `end`. */
  token(start: number, end: number): void {
    if (this.firstToken < 0) this.firstToken = start;
    this.lastTokenEnd = end;
    this.trailingCommentPossible = false;
  }

  /** Records a comment ending at `end`. */
  comment(end: number): void {
    if (!this.trailingCommentPossible) return;
    this.trailingCommentPossible = false;
    const src = this.scanner.source;
    for (let i = this.chunkStart; i < end; i++) if (src.charCodeAt(i) === NEWLINE) return;
    let after = end;
    while (after < src.length && src.charCodeAt(after) !== NEWLINE && isSpace(src.charCodeAt(after))) after++;
    if (after === src.length || src.charCodeAt(after) === NEWLINE) this.chunkStart = end;
  }

  /** Ends the current statement at a delimiter and starts the next one at `next`. */
  cut(next: number): void {
    if (this.firstToken >= 0) this.push();
    this.restart(next);
    this.trailingCommentPossible = true;
  }

  /** Drops what was read since the last cut (blanks, comments, a client command) and starts at `next`. */
  restart(next: number): void {
    this.chunkStart = next;
    this.firstToken = -1;
    this.trailingCommentPossible = false;
  }

  /** All the statements, the last one included even when no delimiter ends it. */
  finish(): SqlStatement[] {
    if (this.firstToken >= 0) this.push();
    return this.statements;
  }

  private push(): void {
    const src = this.scanner.source;
    let start = this.chunkStart;
    while (isSpace(src.charCodeAt(start))) start++;
    const end = this.lastTokenEnd;
    this.statements.push({ sql: src.slice(start, end), line: this.scanner.lineAt(this.firstToken), start, end });
  }
}

/** The tokens of a statement, lower-cased, without blanks and comments: what classify reads. */
export function tokensOf(sql: string, lex: Lexer): string[] {
  const scanner = new Scanner(sql, undefined);
  const out: string[] = [];
  for (let i = 0; i < sql.length; i = scanner.end) {
    lex(scanner, i);
    if (scanner.kind !== "space" && scanner.kind !== "comment") out.push(sql.slice(i, scanner.end).toLowerCase());
  }
  return out;
}

/** True when `tokens` holds `sequence` at `at`. */
export function hasAt(tokens: readonly string[], at: number, ...sequence: string[]): boolean {
  return sequence.every((word, k) => tokens[at + k] === word);
}

/** Index of the first occurrence of `sequence` in `tokens` at or after `from`, or -1. */
export function indexOfSequence(tokens: readonly string[], from: number, ...sequence: string[]): number {
  for (let i = from; i + sequence.length <= tokens.length; i++) if (hasAt(tokens, i, ...sequence)) return i;
  return -1;
}
