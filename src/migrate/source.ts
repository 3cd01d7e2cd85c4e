/**
 * The migrations folder as data: Flyway-compatible file names, versions, checksums and
 * directives. Reading a folder validates every name first, so a bad file stops a run
 * before anything is applied.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ShaleError } from "../errors.js";
import { checksumOfBytes, decodeUtf8 } from "./checksum.js";
import { parseDirectives, type Directives } from "./directives.js";
import { compareVersions, parseVersion, type Version } from "./version.js";

/** What a file does: a versioned step, the undo of one, or a repeatable script. */
export type MigrationKind = "versioned" | "undo" | "repeatable";

/** One migration file, read and checked. */
export interface MigrationFile {
  readonly kind: MigrationKind;
  /** Undefined for repeatables. */
  readonly version: Version | undefined;
  readonly description: string;
  /** File name relative to its folder, as stored in the history table. */
  readonly script: string;
  /** Absolute path. */
  readonly path: string;
  /** Path as shown to people (relative to the working directory). */
  readonly displayPath: string;
  readonly language: "sql" | "ts";
  readonly checksum: string;
  /** The text, BOM removed; line endings as in the file. */
  readonly content: string;
  readonly directives: Directives;
}

/** The files of one folder, sorted: versioned ascending, repeatables by description. */
export interface MigrationSet {
  readonly folder: string;
  readonly versioned: readonly MigrationFile[];
  readonly undo: ReadonlyMap<string, MigrationFile>;
  readonly repeatable: readonly MigrationFile[];
}

// The version may hold single underscores (1_2); the first double underscore ends it.
const NAME_RE = /^([VUR])((?:[^_]|_(?!_))*)__(.+)\.(sql|ts)$/;
const IGNORED_SUFFIXES = [".d.ts", ".test.ts"];

/** Options for reading a folder. */
export interface ReadFolderOptions {
  /** A missing folder is an empty set instead of an error (seeds, a fresh project). */
  readonly allowMissing?: boolean;
  /** Only repeatable files are allowed (the seeds folder). */
  readonly repeatableOnly?: boolean;
  /** Base for display paths; defaults to the working directory. */
  readonly cwd?: string;
}

/** Reads and checks every migration file of a folder. */
export function readMigrationFolder(folder: string, options: ReadFolderOptions = {}): MigrationSet {
  const cwd = options.cwd ?? process.cwd();
  const names = listFolder(folder, cwd, options.allowMissing ?? false);
  // Once per folder, not per file: path.relative costs real time over thousands of files.
  const shownFolder = relative(cwd, folder);
  const versioned: MigrationFile[] = [];
  const undo = new Map<string, MigrationFile>();
  const repeatable: MigrationFile[] = [];
  const byVersion = new Map<string, MigrationFile>();
  const byRepeatable = new Map<string, MigrationFile>();
  for (const name of names) {
    const path = join(folder, name);
    const file = readMigrationFile(path, name, shownFolder ? `${shownFolder}${sep}${name}` : name);
    if (options.repeatableOnly && file.kind !== "repeatable") {
      throw new ShaleError("SHALE_E_FILE_NAME", `${file.displayPath}: the seeds folder holds only repeatable files`, {
        file: file.displayPath,
        hint: `Rename it R__${file.description.replace(/ /g, "_")}.${file.language}; seeds are re-applied whenever they change`,
      });
    }
    if (file.kind === "repeatable") {
      claim(byRepeatable, file.description, file, "repeatable description");
      repeatable.push(file);
    } else if (file.kind === "undo") {
      claim(undo, file.version!.text, file, "undo version");
    } else {
      claim(byVersion, file.version!.text, file, "version");
      versioned.push(file);
    }
  }
  versioned.sort((a, b) => compareVersions(a.version!, b.version!));
  repeatable.sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  for (const [version, file] of undo) {
    if (!byVersion.has(version)) {
      throw new ShaleError("SHALE_E_FILE_NAME", `${file.displayPath} undoes version ${version}, which has no V file`, {
        file: file.displayPath,
        hint: `Add the versioned migration V${version}__... or remove/rename the undo file`,
      });
    }
  }
  return { folder, versioned, undo, repeatable };
}

function listFolder(folder: string, cwd: string, allowMissing: boolean): string[] {
  let entries: string[];
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    entries = readdirSync(folder);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && allowMissing) return [];
    const shown = relative(cwd, folder) || folder;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new ShaleError("SHALE_E_FOLDER_MISSING", `The migrations folder ${shown} does not exist`, {
        file: shown,
        hint: "Create it with `shale init`, or point the context's `migrations` setting at the right folder",
      });
    }
    throw new ShaleError("SHALE_E_FILE_READ", `Cannot read the folder ${shown}: ${(err as Error).message}`, {
      hint: "Check the folder's permissions",
    });
  }
  return entries
    .filter((n) => (n.endsWith(".sql") || n.endsWith(".ts")) && !IGNORED_SUFFIXES.some((s) => n.endsWith(s)))
    .sort();
}

function claim(map: Map<string, MigrationFile>, key: string, file: MigrationFile, what: string): void {
  const other = map.get(key);
  if (other) {
    throw new ShaleError(
      "SHALE_E_DUPLICATE_VERSION",
      `${file.displayPath} and ${other.displayPath} have the same ${what} (${key})`,
      { file: file.displayPath, hint: "Give one of them another version; `shale new` names files with a UTC timestamp" },
    );
  }
  map.set(key, file);
}

/** Parses a migration file name; throws SHALE_E_FILE_NAME for a malformed one. */
export function parseMigrationName(
  name: string,
  displayPath: string,
): { kind: MigrationKind; version: Version | undefined; description: string; language: "sql" | "ts" } {
  const m = NAME_RE.exec(name);
  const fail = (why: string): never => {
    throw new ShaleError("SHALE_E_FILE_NAME", `${displayPath}: malformed migration file name (${why})`, {
      file: displayPath,
      hint: "Name files V<version>__<description>.sql (or .ts), U<version>__<description>.sql, or R__<description>.sql; a version is digits separated by . or _",
    });
  };
  if (!m) return fail(name.includes("__") ? "it must start with V, U or R" : "the description must follow two underscores");
  const [, prefix, versionText, rawDescription, ext] = m as unknown as [string, "V" | "U" | "R", string, string, "sql" | "ts"];
  const description = rawDescription.replace(/_/g, " ").trim();
  if (!description) fail("the description is empty");
  if (prefix === "R") {
    if (versionText !== "") fail("a repeatable file has no version: R__<description>");
    return { kind: "repeatable", version: undefined, description, language: ext };
  }
  const version = parseVersion(versionText);
  if (!version) fail(`"${versionText}" is not a version: use digits separated by . or _`);
  return { kind: prefix === "V" ? "versioned" : "undo", version, description, language: ext };
}

/** Reads one migration file: name, UTF-8 content, checksum, directives. */
export function readMigrationFile(path: string, name: string, displayPath: string): MigrationFile {
  const parsed = parseMigrationName(name, displayPath);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ShaleError("SHALE_E_FILE_READ", `Cannot read ${displayPath}: ${(err as Error).message}`, {
      file: displayPath,
      hint: "Check that the file exists and is readable",
    });
  }
  const content = decodeUtf8(bytes, displayPath);
  const directives = parseDirectives(content, displayPath, parsed.language);
  return { ...parsed, script: name, path, displayPath, checksum: checksumOfBytes(bytes, content), content, directives };
}
