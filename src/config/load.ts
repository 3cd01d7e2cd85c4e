/**
 * Finding, evaluating and normalising the config file. `.ts`/`.js` files run through jiti,
 * with `shale` aliased to this very package so that a config file works in a folder where
 * shale is not installed; jiti and zod are imported only when a file is actually loaded.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { redactUrl, type DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import type { ShaleConfig } from "./define-config.js";
import { loadEnvFile } from "./env-file.js";
import { validateConfig } from "./schema.js";

/** Where to look for the config. */
export interface LoadConfigOptions {
  /** The folder to search, and the base of a relative `configPath`. */
  cwd: string;
  /** `--config`: load exactly this file. */
  configPath?: string | undefined;
}

/** The three folders and files of a context. */
export interface ContextPaths {
  migrations: string;
  seeds: string;
  schema: string;
}

/** A context with every default applied; paths absolute, `written` as in the config. */
export interface ContextConfig extends ContextPaths {
  name: string;
  historyTable: string;
  schemas: string[] | undefined;
  written: ContextPaths;
}

/** An environment with its defaults applied. */
export interface EnvironmentConfig {
  name: string;
  /** Undefined when the config gave no value (an unset variable, typically). */
  url: string | undefined;
  protected: boolean;
  /** Context URL overrides; a key present with an undefined value is an override left unset. */
  contextUrls: Record<string, string | undefined>;
  /** True for the `local` environment shale makes up when the config defines none. */
  implicit: boolean;
}

/** A validated config with every default applied. */
export interface LoadedConfig {
  /** Absolute path of the config file; undefined in zero-config. */
  configFile: string | undefined;
  /** The config file as messages name it (relative to cwd when under it). */
  configLabel: string | undefined;
  /** The folder relative paths are resolved against. */
  root: string;
  /** The `.env` file that was read, if any. */
  envFile: string | undefined;
  dialect: DialectName | undefined;
  lockTimeout: number;
  devUrl: string | undefined;
  contexts: ContextConfig[];
  environments: EnvironmentConfig[];
  /** Environment variables the config file's text reads, for hints about unset ones. */
  envVars: string[];
}

/** Config file names tried in a folder, in order. */
export const CONFIG_FILE_NAMES = [
  "shale.config.ts",
  "shale.config.mts",
  "shale.config.mjs",
  "shale.config.js",
  "shale.config.cjs",
  "shale.config.json",
] as const;

const CODE_EXTENSIONS = [".ts", ".mts", ".mjs", ".js", ".cjs"];

/** Finds, evaluates (after reading `.env`), validates and normalises the config. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const cwd = resolve(options.cwd);
  const file = findConfigFile(cwd, options.configPath);
  if (file === undefined) {
    const envFile = loadEnvFile(cwd).file;
    return normalize({}, { configFile: undefined, configLabel: undefined, root: cwd, envFile, envVars: [] });
  }
  const label = displayPath(file, cwd);
  const root = resolve(file, "..");
  const envFile = loadEnvFile(root).file;
  const isJson = extname(file) === ".json";
  const source = readSource(file, label);
  const exported = isJson ? parseJson(source, label) : await evaluate(file, label);
  const config = await validateConfig(exported, label);
  return normalize(config, { configFile: file, configLabel: label, root, envFile, envVars: isJson ? [] : envVarsRead(source) });
}

function findConfigFile(cwd: string, configPath: string | undefined): string | undefined {
  if (configPath === undefined) return CONFIG_FILE_NAMES.map((n) => join(cwd, n)).find((p) => isFile(p));
  const file = resolve(cwd, configPath);
  if (!isFile(file)) {
    throw new ShaleError("SHALE_E_CONFIG_NOT_FOUND", `Config file not found: ${configPath}`, {
      file: configPath,
      hint: existsSync(file)
        ? "--config takes a file, not a folder"
        : `Check the path given to --config (resolved to ${file}), or run "shale init" to create one`,
    });
  }
  const ext = extname(file);
  if (ext !== ".json" && !CODE_EXTENSIONS.includes(ext)) {
    throw new ShaleError("SHALE_E_CONFIG_LOAD", `Cannot load ${configPath}: shale reads config files ending in ${[...CODE_EXTENSIONS, ".json"].join(", ")}`, {
      file: configPath,
      hint: "Rename the file, for example to shale.config.ts",
    });
  }
  return file;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

function readSource(file: string, label: string): string {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    throw new ShaleError("SHALE_E_CONFIG_LOAD", `Cannot read ${label}: ${(err as Error).message}`, {
      file: label,
      hint: "Check the file's permissions",
    });
  }
}

function parseJson(source: string, label: string): unknown {
  try {
    return JSON.parse(source);
  } catch (err) {
    const message = (err as Error).message;
    const line = jsonErrorLine(message, source);
    throw new ShaleError("SHALE_E_CONFIG_LOAD", `Invalid JSON in ${label}${line ? ` at line ${line}` : ""}: ${redactUrl(message)}`, {
      file: label,
      line,
      hint: "JSON allows no comments, no trailing commas, and only double-quoted keys; a shale.config.ts file allows all three",
    });
  }
}

/** V8 reports a position, and in newer versions also a line; derive the line either way. */
function jsonErrorLine(message: string, source: string): number | undefined {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return source.slice(0, Number(position[1])).split("\n").length;
  if (/end of JSON input/.test(message)) return source.split("\n").length;
  return undefined;
}

/** The package entry that `import ... from "shale"` in a config file should get. */
function packageEntry(): string | undefined {
  // dist/config/load.js runs next to dist/index.js; under tsx, src/config/load.ts next to src/index.ts.
  return ["../index.js", "../index.ts"]
    .map((p) => fileURLToPath(new URL(p, import.meta.url)))
    .find((p) => existsSync(p));
}

async function evaluate(file: string, label: string): Promise<unknown> {
  const { createJiti } = await import("jiti");
  const entry = packageEntry();
  const jiti = createJiti(import.meta.url, {
    ...(entry ? { alias: { shale: entry } } : {}),
    // A config edited between two loads in one process (tests, watch mode) must be re-read.
    moduleCache: false,
    // Off, so that a file without a default export is told apart from one that has it.
    interopDefault: false,
  });
  try {
    const mod = await jiti.import(file);
    const exported = typeof mod === "object" && mod !== null ? (mod as { default?: unknown }).default : undefined;
    // A default export may be a promise, for a config that has to fetch something first.
    return await exported;
  } catch (err) {
    throw loadError(err, file, label);
  }
}

/** A config file that failed to evaluate: its message (redacted), the line, and a hint. */
function loadError(err: unknown, file: string, label: string): ShaleError {
  const error = err instanceof Error ? err : new Error(String(err));
  // jiti appends "\n <file>:<line>:<col>" to parse errors; Node appends a require stack.
  const [first = ""] = error.message.split("\n");
  const text = first.trim() || error.name;
  const line = errorLine(error, file);
  const code = (error as NodeJS.ErrnoException).code;
  const where = line ? `${label}:${line}` : label;
  let hint: string;
  if (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") {
    hint = `Fix the import in ${where}, or install the missing package`;
  } else if (/ParseError|SyntaxError/.test(`${error.name} ${text}`)) {
    hint = `Fix the syntax at ${where}`;
  } else {
    hint = `The config file threw while it was evaluated; fix the code at ${where}`;
  }
  return new ShaleError("SHALE_E_CONFIG_LOAD", `Cannot load config file ${label}: ${redactUrl(text)}`, {
    file: label,
    line,
    hint: redactUrl(hint),
  });
}

function errorLine(error: Error, file: string): number | undefined {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`${escaped}:(\\d+)(?::\\d+)?`).exec(`${error.message}\n${error.stack ?? ""}`);
  return at ? Number(at[1]) : undefined;
}

/** `process.env.NAME` and `process.env["NAME"]` in the config's text. */
function envVarsRead(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/process\.env(?:\.([A-Za-z_]\w*)|\[\s*["'`]([A-Za-z_]\w*)["'`]\s*\])/g)) {
    names.add((m[1] ?? m[2])!);
  }
  return [...names];
}

interface Origin {
  configFile: string | undefined;
  configLabel: string | undefined;
  root: string;
  envFile: string | undefined;
  envVars: string[];
}

function normalize(config: ShaleConfig, origin: Origin): LoadedConfig {
  const baseTable = config.historyTable ?? "shale_history";
  const contextEntries = Object.entries(config.contexts ?? { main: {} });
  const contexts = contextEntries.map(([name, c]): ContextConfig => {
    // The main (or only) context keeps the plain names, so that adding a second context later
    // does not move the first one's folders or history.
    const primary = name === "main" || contextEntries.length === 1;
    const written: ContextPaths = {
      migrations: c.migrations ?? (primary ? "db/migrations" : `db/migrations/${name}`),
      seeds: c.seeds ?? (primary ? "db/seeds" : `db/seeds/${name}`),
      schema: c.schema ?? (primary ? "db/schema.ts" : `db/schema/${name}.ts`),
    };
    return {
      name,
      migrations: resolve(origin.root, written.migrations),
      seeds: resolve(origin.root, written.seeds),
      schema: resolve(origin.root, written.schema),
      historyTable: c.historyTable ?? (primary ? baseTable : `${baseTable}_${name}`),
      schemas: c.schemas,
      written,
    };
  });
  const environments = config.environments
    ? Object.entries(config.environments).map(([name, e]): EnvironmentConfig => ({
        name,
        url: e.url,
        protected: e.protected ?? false,
        contextUrls: Object.fromEntries(
          Object.entries(e.contexts ?? {})
            .filter(([, c]) => "url" in c)
            .map(([ctx, c]) => [ctx, c.url]),
        ),
        implicit: false,
      }))
    : [implicitLocal(config.dialect)];
  return {
    ...origin,
    dialect: config.dialect,
    lockTimeout: config.lockTimeout ?? 600,
    devUrl: config.devUrl,
    contexts,
    environments,
  };
}

/** With no environments configured, `local` is DATABASE_URL, else (SQLite or no dialect) `shale.db`. */
function implicitLocal(dialect: DialectName | undefined): EnvironmentConfig {
  const fromEnv = process.env.DATABASE_URL || undefined;
  const fallback = dialect === undefined || dialect === "sqlite" ? "sqlite:./shale.db" : undefined;
  return { name: "local", url: fromEnv ?? fallback, protected: false, contextUrls: {}, implicit: true };
}
