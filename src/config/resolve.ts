/**
 * From a loaded config and the command line to one target: the environment, the context,
 * and the parsed database URL, following SPEC's selection rules.
 */
import { isAbsolute, resolve, sep } from "node:path";
import { parseDatabaseUrl, type DatabaseUrl, type DialectName } from "../dialects/url.js";
import { isShaleError, ShaleError } from "../errors.js";
import type { ContextConfig, EnvironmentConfig, LoadedConfig } from "./load.js";
import { didYouMean } from "./schema.js";

/** What the command line says about the target (`--env`, `--context`, `--url`). */
export interface ResolveOptions {
  env?: string | undefined;
  context?: string | undefined;
  url?: string | undefined;
}

/** Everything a command needs to know about where it runs. */
export interface ResolvedTarget {
  configFile: string | undefined;
  /** The folder the config's relative paths are resolved against. */
  root: string;
  environment: { name: string; protected: boolean };
  context: ContextConfig;
  url: DatabaseUrl;
  /** Where the URL came from, for messages: `--url`, `environments.prod.url`, `DATABASE_URL`... */
  urlSource: string;
  dialect: DialectName;
  lockTimeoutMs: number;
  /** The scratch database URL, unparsed: only the schema engine needs it. */
  devUrl: string | undefined;
}

/** The names of the config's contexts, in the order the config gives them. */
export function listContexts(config: LoadedConfig): string[] {
  return config.contexts.map((c) => c.name);
}

/** Picks the environment and context and parses the URL; throws a ShaleError on any gap. */
export function resolveTarget(config: LoadedConfig, options: ResolveOptions = {}): ResolvedTarget {
  const environment = pickEnvironment(config, options.env);
  const context = resolveContext(config, options.context);
  const { url, source } = pickUrl(config, environment, context, options.url);
  if (config.dialect !== undefined && url.dialect !== config.dialect) {
    throw new ShaleError(
      "SHALE_E_DIALECT_MISMATCH",
      `${source} is a ${url.dialect} URL (${url.redacted}), but ${fileName(config)} says dialect: "${config.dialect}"`,
      { file: config.configLabel, hint: `Point ${source} at a ${config.dialect} database, or change dialect in ${fileName(config)}` },
    );
  }
  return {
    configFile: config.configFile,
    root: config.root,
    environment: { name: environment.name, protected: environment.protected },
    context,
    url,
    urlSource: source,
    dialect: url.dialect,
    lockTimeoutMs: Math.round(config.lockTimeout * 1000),
    devUrl: config.devUrl,
  };
}

function fileName(config: LoadedConfig): string {
  return config.configLabel ?? "the default configuration (no config file)";
}

function pickEnvironment(config: LoadedConfig, flag: string | undefined): EnvironmentConfig {
  const names = config.environments.map((e) => e.name);
  const fromEnv = process.env.SHALE_ENV || undefined;
  const requested = flag ?? fromEnv;
  if (requested !== undefined) {
    const found = config.environments.find((e) => e.name === requested);
    if (found) return found;
    const via = flag !== undefined ? "--env" : "SHALE_ENV";
    throw new ShaleError(
      "SHALE_E_UNKNOWN_ENV",
      `No environment named "${requested}" (from ${via}) in ${fileName(config)}${didYouMean(requested, names)}; defined: ${names.join(", ")}`,
      { file: config.configLabel, hint: `Use one of ${names.join(", ")}, or add environments.${requested} to the config` },
    );
  }
  const local = config.environments.find((e) => e.name === "local");
  if (local) return local;
  if (config.environments.length === 1) return config.environments[0]!;
  throw new ShaleError(
    "SHALE_E_UNKNOWN_ENV",
    `${fileName(config)} defines several environments (${names.join(", ")}) and none was chosen`,
    { file: config.configLabel, hint: "Pass --env NAME or set SHALE_ENV; an environment named local is used by default" },
  );
}

/** Picks the context alone (`--context`, else main, else the only one), for commands that need no database. */
export function resolveContext(config: LoadedConfig, flag?: string | undefined): ContextConfig {
  const names = listContexts(config);
  if (flag !== undefined) {
    const found = config.contexts.find((c) => c.name === flag);
    if (found) return found;
    throw new ShaleError(
      "SHALE_E_UNKNOWN_CONTEXT",
      `No context named "${flag}" in ${fileName(config)}${didYouMean(flag, names)}; defined: ${names.join(", ")}`,
      { file: config.configLabel, hint: `Pass --context with one of ${names.join(", ")}` },
    );
  }
  const main = config.contexts.find((c) => c.name === "main");
  if (main) return main;
  if (config.contexts.length === 1) return config.contexts[0]!;
  throw new ShaleError(
    "SHALE_E_CONTEXT_REQUIRED",
    `${fileName(config)} defines several contexts (${names.join(", ")}) and none is named main`,
    { file: config.configLabel, hint: `Pass --context with one of ${names.join(", ")}` },
  );
}

function pickUrl(
  config: LoadedConfig,
  env: EnvironmentConfig,
  context: ContextConfig,
  flag: string | undefined,
): { url: DatabaseUrl; source: string } {
  if (flag !== undefined) return { url: parse(flag, "--url", undefined), source: "--url" };
  const override = context.name in env.contextUrls;
  const raw = override ? env.contextUrls[context.name] : env.url;
  const source = override
    ? `environments.${env.name}.contexts.${context.name}.url`
    : env.implicit
      ? "DATABASE_URL"
      : `environments.${env.name}.url`;
  if (raw === undefined || raw.trim() === "") throw noUrl(config, env, context, source);
  // A relative SQLite file in the config is relative to the config, like every other path in it.
  return { url: anchorSqlite(parse(raw, source, config.configLabel), config.root), source };
}

function noUrl(config: LoadedConfig, env: EnvironmentConfig, context: ContextConfig, source: string): ShaleError {
  if (env.implicit) {
    return new ShaleError("SHALE_E_NO_URL", `No database URL: DATABASE_URL is not set and ${fileName(config)} defines no environments`, {
      file: config.configLabel,
      hint: "Set DATABASE_URL (in the shell or in .env), add environments to the config, or pass --url",
    });
  }
  const overridden = context.name in env.contextUrls;
  const unset = likelyVariables(config.envVars.filter((v) => !process.env[v]), env.name, overridden ? context.name : undefined);
  const set = unset.length > 0 ? `set ${unset.join(" or ")} (read by ${fileName(config)}, currently unset) in the shell or in .env` : `give ${source} a value in ${fileName(config)}`;
  return new ShaleError(
    "SHALE_E_NO_URL",
    `No database URL for environment "${env.name}" (context "${context.name}"): ${source} has no value`,
    { file: config.configLabel, hint: `${set[0]!.toUpperCase()}${set.slice(1)}, or pass --url` },
  );
}

/** Of the unset variables the config reads, those whose names mention the environment (and context). */
function likelyVariables(unset: string[], env: string, context: string | undefined): string[] {
  const mentions = (v: string, name: string) => v.toUpperCase().includes(name.toUpperCase().replace(/-/g, "_"));
  const ofEnv = unset.filter((v) => mentions(v, env));
  const ofBoth = context === undefined ? [] : ofEnv.filter((v) => mentions(v, context));
  return ofBoth.length > 0 ? ofBoth : ofEnv.length > 0 ? ofEnv : unset;
}

/** parseDatabaseUrl, with the message saying which setting held the bad URL. */
function parse(raw: string, source: string, file: string | undefined): DatabaseUrl {
  try {
    return parseDatabaseUrl(raw);
  } catch (err) {
    if (!isShaleError(err, "SHALE_E_URL")) throw err;
    throw new ShaleError("SHALE_E_URL", `${source}: ${err.message}`, { file, hint: err.hint });
  }
}

function anchorSqlite(url: DatabaseUrl, root: string): DatabaseUrl {
  if (url.dialect !== "sqlite" || url.file === undefined || url.file === ":memory:" || isAbsolute(url.file)) return url;
  const path = resolve(root, url.file).split(sep).map(encodeURIComponent).join("/");
  const query = new URLSearchParams(url.params).toString();
  return parseDatabaseUrl(`sqlite:${path}${query ? `?${query}` : ""}`);
}
