/**
 * Everything the CLI prints goes through here: results on stdout, progress and errors on
 * stderr, one JSON document under --json, colour only on a terminal (NO_COLOR respected),
 * and every password scrubbed, whatever produced the text.
 */
// Leaf modules, not ../index.js: main.ts loads this at start-up and `--help` must stay fast.
import { isShaleError, ShaleError } from "../errors.js";
import { redactUrl } from "../dialects/url.js";

/** How the CLI was asked to print. */
export interface OutputOptions {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly color?: boolean;
}

type Paint = (text: string) => string;

/** Colour functions that do nothing when colour is off. */
export interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

const plain: Paint = (t) => t;

function palette(enabled: boolean): Palette {
  const wrap = (open: number, close: number): Paint => (enabled ? (t) => `\u001b[${open}m${t}\u001b[${close}m` : plain);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}

/** Passwords found in URLs in the environment or on the command line, never to be printed. */
export function collectSecrets(extra: readonly (string | undefined)[] = []): string[] {
  const secrets = new Set<string>();
  const add = (raw: string): void => {
    for (const s of [raw, safeDecode(raw)]) if (s.length >= 3) secrets.add(s);
  };
  const scan = (value: string | undefined): void => {
    if (!value) return;
    // Up to the last @ before the path: an unencoded @ belongs to the password.
    for (const m of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^/?#\s]+)@/gi)) add(m[1]!);
    // A value that is one URL as a whole: its password as a URL parser reads it (spaces included).
    const whole = /^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)([^/?#]+)@/i.exec(value.trim());
    if (whole) add(whole[2]!);
  };
  for (const value of Object.values(process.env)) scan(value);
  for (const value of extra) scan(value);
  return [...secrets].sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The CLI's printer. */
export class Output {
  readonly color: Palette;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly isTerminal: boolean;
  private readonly secrets: string[];

  constructor(options: OutputOptions, secrets: readonly string[]) {
    this.json = options.json;
    this.verbose = options.verbose;
    this.isTerminal = Boolean(process.stderr.isTTY);
    const colorWanted = options.color ?? (Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env && process.env.NO_COLOR !== "") && process.env.TERM !== "dumb");
    this.color = palette(colorWanted && !options.json);
    this.secrets = [...secrets];
  }

  /** Masks URL passwords and every known secret. */
  scrub(text: string): string {
    // Progress prints a line per migration: skip the URL regex where no URL can be.
    let out = text.includes("://") ? redactUrl(text) : text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join("****");
    return out;
  }

  /** A line of the result, on stdout (suppressed under --json). */
  line(text = ""): void {
    if (!this.json) process.stdout.write(this.scrub(text) + "\n");
  }

  /** A progress or notice line, on stderr (suppressed under --json unless --verbose). */
  info(text: string): void {
    if (!this.json || this.verbose) process.stderr.write(this.scrub(text) + "\n");
  }

  /** The one JSON document of a --json run. */
  document(value: unknown): void {
    process.stdout.write(this.scrub(JSON.stringify(value, jsonReplacer, 2)) + "\n");
  }

  /** Prints an error (as JSON under --json) and returns the exit code it stands for. */
  error(err: unknown): number {
    const shaped = toShaleError(err);
    if (this.json) {
      this.document({ error: shaped.toJSON() });
    } else {
      const c = this.color;
      const message = locate(shaped);
      process.stderr.write(this.scrub(`${c.red(c.bold("error"))} ${c.dim(`[${shaped.code}]`)} ${message}\n`));
      if (shaped.hint) process.stderr.write(this.scrub(`  ${c.cyan("hint:")} ${shaped.hint}\n`));
      if (this.verbose && shaped.cause instanceof Error && shaped.cause.stack) process.stderr.write(this.scrub(`${c.dim(shaped.cause.stack)}\n`));
    }
    return shaped.exitCode;
  }

  /** A table with a header row; columns sized to their content. */
  table(header: readonly string[], rows: readonly (readonly string[])[]): void {
    const widths = header.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ""))));
    const render = (cells: readonly string[]): string =>
      cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + " ".repeat(widths[i]! - visibleLength(cell)))).join("  ").trimEnd();
    // One write (and one pass of the password mask) for the whole table, however long.
    this.line([this.color.bold(render(header)), ...rows.map(render)].join("\n"));
  }
}

/** The message, starting with `file:line` when the error has them (and the message does not say so already). */
function locate(error: ShaleError): string {
  const { file, line, message } = error;
  if (!file) return message;
  const where = `${file}${line ? `:${line}` : ""}`;
  if (message.startsWith(where)) return message;
  // The message names the file without the line ("a.sql is not valid UTF-8"): add the line there.
  if (message.startsWith(file) && !/^:\d/.test(message.slice(file.length))) return `${where}${message.slice(file.length)}`;
  return `${where}: ${message}`;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d+m/g, "").length;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** Any error as a ShaleError; unexpected ones keep their message under SHALE_E_DB. */
export function toShaleError(err: unknown): ShaleError {
  if (isShaleError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ShaleError("SHALE_E_DB", message, {
    hint: "This error was not expected; run again with --verbose for details",
    cause: err,
  });
}
