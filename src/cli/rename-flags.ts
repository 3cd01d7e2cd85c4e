/**
 * The rename flags of `diff`: `--rename-table OLD=NEW`, `--rename-column TABLE.OLD=NEW` and
 * `--rename-index TABLE.OLD=NEW`, turned into the library's ExplicitRenames. Names are as the
 * databases spell them (no case folding); a name part may be double-quoted to hold dots, "="
 * or spaces, with "" for a quote. How many parts a table name has depends on the dialect, so
 * the text is read once the sources say which dialect it is.
 */
import type { ExplicitRenames, ScopedRename, TableRename } from "../api/diff.js";
// The CLI reaches the IR's types only through the package's index (test/architecture.test.ts).
import type { QualifiedName } from "../index.js";
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";

/** The flags' texts as given on the command line, in order. */
export interface RenameFlags {
  readonly tables?: readonly string[];
  readonly columns?: readonly string[];
  readonly indexes?: readonly string[];
}

type RenameKind = "table" | "column" | "index";

/** The command-line flag of each kind of rename. */
export const RENAME_FLAGS: Readonly<Record<RenameKind, string>> = {
  table: "--rename-table",
  column: "--rename-column",
  index: "--rename-index",
};

/** A flag's text cut into the name parts before and after its "=". */
interface FlagParts {
  readonly old: readonly string[];
  readonly new: readonly string[];
}

/** PostgreSQL names a bare table in this schema (SPEC: the flags' TABLE). */
const DEFAULT_PG_SCHEMA = "public";

/** Whether any rename flag was given. */
export function hasRenameFlags(flags: RenameFlags): boolean {
  return Boolean(flags.tables?.length || flags.columns?.length || flags.indexes?.length);
}

/** Reads every flag for `dialect`; throws SHALE_E_USAGE naming the first malformed one. */
export function renamesFromFlags(flags: RenameFlags, dialect: DialectName): ExplicitRenames {
  return {
    tables: (flags.tables ?? []).map((text) => tableRename(text, dialect)),
    columns: (flags.columns ?? []).map((text) => scopedRename("column", text, dialect)),
    indexes: (flags.indexes ?? []).map((text) => scopedRename("index", text, dialect)),
  };
}

function tableRename(text: string, dialect: DialectName): TableRename {
  const fail = failure("table", text, dialect);
  const parts = splitFlag(text, fail);
  return { from: tableName(parts.old, "before", dialect, fail), to: tableName(parts.new, "after", dialect, fail), label: `${RENAME_FLAGS.table} ${text}` };
}

function scopedRename(kind: "column" | "index", text: string, dialect: DialectName): ScopedRename {
  const fail = failure(kind, text, dialect);
  const parts = splitFlag(text, fail);
  if (parts.old.length === 1) fail(`no table before the ${kind} name`);
  if (parts.new.length > 1) fail(`too many dots after "=" (the new name is the ${kind}'s name alone)`);
  const table = tableName(parts.old.slice(0, -1), "before", dialect, fail);
  return { table, from: parts.old[parts.old.length - 1]!, to: parts.new[0]!, label: `${RENAME_FLAGS[kind]} ${text}` };
}

/** A table named by one part (its schema the dialect's default) or, on PostgreSQL, two. */
function tableName(parts: readonly string[], side: "before" | "after", dialect: DialectName, fail: (problem: string) => never): QualifiedName {
  if (dialect === "postgres") {
    if (parts.length === 1) return { schema: DEFAULT_PG_SCHEMA, name: parts[0]! };
    if (parts.length === 2) return { schema: parts[0]!, name: parts[1]! };
    return fail(`too many dots ${side} "=" (a PostgreSQL table is schema.table, or table in schema ${DEFAULT_PG_SCHEMA})`);
  }
  if (parts.length === 1) return { schema: "", name: parts[0]! };
  return fail(`too many dots ${side} "=" (a ${dialect === "mysql" ? "MySQL" : "SQLite"} table is named without a schema or database)`);
}

/**
 * Cuts the text at unquoted dots and its one unquoted "=". A part is either plain (no dot,
 * "=", quote or white space) or wholly quoted; nothing may follow a closing quote but a
 * dot, "=" or the end.
 */
function splitFlag(text: string, fail: (problem: string) => never): FlagParts {
  if (text === "") fail("no old or new name");
  const sides: string[][] = [[]];
  let i = 0;
  for (;;) {
    let part = "";
    const quoted = text[i] === '"';
    if (quoted) {
      i++;
      for (;;) {
        if (i >= text.length) fail("a quote is not closed");
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        part += text[i];
        i++;
      }
      i++;
      if (i < text.length && text[i] !== "." && text[i] !== "=") fail(`text follows the closing quote of "${part.replace(/"/g, '""')}"`);
    } else {
      while (i < text.length && text[i] !== "." && text[i] !== "=") {
        if (text[i] === '"') fail("a quote inside a name part (quote the whole part)");
        if (/\s/.test(text[i]!)) fail("white space outside quotes (quote a name part that holds spaces)");
        part += text[i];
        i++;
      }
    }
    const side = sides[sides.length - 1]!;
    if (part === "" && quoted) fail("an empty quoted name part");
    if (part === "") {
      const wholeSide = side.length === 0 && (i >= text.length || text[i] === "=");
      fail(wholeSide ? (sides.length === 1 ? 'nothing before "="' : 'nothing after "="') : "an empty name part (a dot at an end, or two dots in a row)");
    }
    side.push(part);
    if (i >= text.length) break;
    if (text[i] === "=") {
      if (sides.length === 2) fail('more than one "=" (quote a name part that holds "=")');
      sides.push([]);
    }
    i++;
  }
  if (sides.length === 1) fail('no "=" between the old and the new name');
  return { old: sides[0]!, new: sides[1]! };
}

/** Throws the usage error for one flag: its text, what is wrong, and the form it takes. */
function failure(kind: RenameKind, text: string, dialect: DialectName): (problem: string) => never {
  const flag = RENAME_FLAGS[kind];
  return (problem) => {
    throw new ShaleError("SHALE_E_USAGE", `${flag} ${text === "" ? "(empty)" : text}: ${problem}`, {
      hint: `Write ${flag} ${expectedForm(kind, dialect)}; double-quote a name part that holds dots, "=" or spaces ("" for a quote)`,
    });
  };
}

/** The flag's form on this dialect, with an example. */
export function expectedForm(kind: RenameKind, dialect: DialectName): string {
  const schema = dialect === "postgres" ? "[SCHEMA.]" : "";
  const example = dialect === "postgres" ? "public." : "";
  const flag = RENAME_FLAGS[kind];
  switch (kind) {
    case "table":
      return `${schema}OLD=${schema}NEW, e.g. ${flag} ${example}users=${example}people`;
    case "column":
      return `${schema}TABLE.OLD=NEW (TABLE as the --to database names it), e.g. ${flag} ${example}users.name=full_name`;
    case "index":
      return `${schema}TABLE.OLD=NEW (TABLE as the --to database names it), e.g. ${flag} ${example}users.users_email_idx=users_email_key`;
  }
}
