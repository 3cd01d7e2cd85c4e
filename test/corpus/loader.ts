/**
 * Reads the sqldef test corpus (../shared/corpus/sqldef, see its README): one YAML mapping
 * per file from a case name to its SQL and options, turned into typed CorpusCase records.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { DialectName } from "../../src/dialects/dialect.js";

/** One test case of the corpus, with the options that decide whether and how it runs. */
export interface CorpusCase {
  readonly dialect: DialectName;
  /** The file's path inside the corpus, such as "psqldef/tests_tables.yml". */
  readonly file: string;
  readonly name: string;
  /** DDL of the starting schema; "" when the case gives none (the schema starts empty). */
  readonly current: string;
  /** DDL of the target schema; "" means "drop everything". */
  readonly desired: string;
  /** sqldef's expected DDL; not compared (the runner checks convergence instead). */
  readonly up?: string;
  readonly down?: string;
  /** sqldef's own error text expected instead of a migration. */
  readonly error?: string;
  readonly minVersion?: string;
  readonly maxVersion?: string;
  /** "mysql", "mariadb", "tidb", "pgvector", or one of those preceded by "!". */
  readonly flavor?: string;
  readonly enableDrop: boolean;
  readonly offline: boolean;
  /** The non-superuser role the case runs as. */
  readonly user?: string;
  readonly managedRoles: readonly string[];
  /** The `manage` rules (extension, function, privilege), kept only to say the case needs them. */
  readonly manage: readonly string[];
}

/** The corpus folder of each dialect. */
export const CORPUS_FOLDERS: Readonly<Record<DialectName, string>> = {
  postgres: "psqldef",
  mysql: "mysqldef",
  sqlite: "sqlite3def",
};

/** Where the corpus lives: SHALE_CORPUS_DIR, or ../shared/corpus/sqldef next to the project. */
export function corpusRoot(): string {
  const fromEnv = process.env.SHALE_CORPUS_DIR?.trim();
  if (fromEnv) return resolve(fromEnv);
  return fileURLToPath(new URL("../../../shared/corpus/sqldef", import.meta.url));
}

/** The corpus files of a dialect, as paths inside the corpus, sorted. */
export function corpusFiles(dialect: DialectName, root = corpusRoot()): string[] {
  const folder = CORPUS_FOLDERS[dialect];
  return readdirSync(join(root, folder))
    .filter((name) => /^tests.*\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** Every case of a dialect, file by file in name order, cases in the order the file lists them. */
export function loadCorpus(dialect: DialectName, root = corpusRoot()): CorpusCase[] {
  return corpusFiles(dialect, root).flatMap((file) => parseCorpusFile(readFileSync(join(root, file), "utf8"), file, dialect));
}

const KNOWN_KEYS = new Set([
  "current",
  "desired",
  "up",
  "down",
  "error",
  "min_version",
  "max_version",
  "flavor",
  "enable_drop",
  "legacy_ignore_quotes",
  "offline",
  "user",
  "managed_roles",
  "manage",
  "config",
]);

/**
 * Parses one corpus file. The YAML "failsafe" schema keeps every scalar a string, so a
 * version written as 10.10 is not read as the number 10.1. Unknown keys are an error: a new
 * key upstream may change what a case means.
 */
export function parseCorpusFile(text: string, file: string, dialect: DialectName): CorpusCase[] {
  const doc: unknown = parse(text, { schema: "failsafe" });
  if (doc === null || doc === undefined) return [];
  if (!isRecord(doc)) throw new Error(`${file}: the top level is not a mapping of case names`);
  return Object.entries(doc).map(([name, value]) => toCase(value, file, name, dialect));
}

function toCase(value: unknown, file: string, name: string, dialect: DialectName): CorpusCase {
  const where = `${file}: case ${name}`;
  if (!isRecord(value)) throw new Error(`${where} is not a mapping`);
  for (const key of Object.keys(value)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`${where} has an unknown key "${key}"`);
  }
  const text = (key: string): string | undefined => optionalString(value[key], `${where}: ${key}`);
  const desired = text("desired");
  if (desired === undefined) throw new Error(`${where} has no "desired"`);
  return {
    dialect,
    file,
    name,
    current: text("current") ?? "",
    desired,
    ...defined("up", text("up")),
    ...defined("down", text("down")),
    ...defined("error", text("error")),
    ...defined("minVersion", text("min_version")),
    ...defined("maxVersion", text("max_version")),
    ...defined("flavor", text("flavor")),
    ...defined("user", text("user")),
    enableDrop: flag(value.enable_drop, true, `${where}: enable_drop`),
    offline: flag(value.offline, false, `${where}: offline`),
    managedRoles: stringList(value.managed_roles, `${where}: managed_roles`),
    manage: isRecord(value.manage) ? Object.keys(value.manage).sort() : [],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new Error(`${where} is not text`);
  return value;
}

function flag(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new Error(`${where} is not true or false: ${String(value)}`);
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw new Error(`${where} is not a list of names`);
  return value;
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
