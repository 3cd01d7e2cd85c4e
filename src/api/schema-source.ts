/**
 * Reading live schemas for `diff`, `pull` and `baseline --from-db`: which side a `--from`
 * or `--to` names (a URL or `env:NAME`), and the schema read from it without shale's own
 * tables (every context's history table, and the lock table).
 */
import { existsSync, statSync } from "node:fs";
import { extname, isAbsolute, resolve, sep } from "node:path";
import type { LoadedConfig } from "../config/load.js";
import { resolveTarget } from "../config/resolve.js";
import { didYouMean } from "../config/schema.js";
import type { Dialect } from "../dialects/dialect.js";
import { loadDialect } from "../dialects/load.js";
import { parseDatabaseUrl, type DatabaseUrl } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import type { QualifiedName, Schema } from "../schema/types.js";
import { inspectSchema } from "./schema-diff.js";
import { requireSqliteFile } from "./sqlite-file.js";

/** One side of a diff: the database and how reports name it (password masked). */
export interface LiveSource {
  readonly url: DatabaseUrl;
  readonly label: string;
}

/** shale's own tables, by exact name in any schema: every context's history table, the default one, and the SQLite lock table. */
export function shaleTables(config: LoadedConfig): { readonly names: readonly string[]; isShaleTable(name: QualifiedName): boolean } {
  const names = [...new Set([...config.contexts.map((c) => c.historyTable), "shale_history", "shale_lock"])].sort();
  const exact = new Set(names);
  return { names, isShaleTable: (name) => exact.has(name.name) };
}

/** Reads a live database into the IR, without shale's own tables (diffs also pass them to the filter). */
export async function readLiveSchema(url: DatabaseUrl, config: LoadedConfig): Promise<{ dialect: Dialect; schema: Schema }> {
  requireSqliteFile(url);
  const dialect = await loadDialect(url.dialect);
  const conn = await dialect.connect(url);
  try {
    return { dialect, schema: await inspectSchema(dialect, conn, { excludeTables: shaleTables(config).names }) };
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** What `--from` or `--to` names: a database URL or `env:NAME`; folders and schema files are refused for now. */
export function resolveSource(text: string, flag: string, config: LoadedConfig, options: { cwd: string; context?: string | undefined }): LiveSource {
  const trimmed = text.trim();
  const env = /^env:(.*)$/i.exec(trimmed);
  if (env) return environmentSource(env[1]!.trim(), flag, config, options.context);
  if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed)) {
    const url = anchorSqlite(parseDatabaseUrl(trimmed), options.cwd);
    return { url, label: url.redacted };
  }
  throw notALiveSource(trimmed, flag, options.cwd);
}

function environmentSource(name: string, flag: string, config: LoadedConfig, context: string | undefined): LiveSource {
  const names = config.environments.map((e) => e.name);
  if (!names.includes(name)) {
    throw new ShaleError(
      "SHALE_E_UNKNOWN_ENV",
      `${flag} env:${name}: no environment named "${name}" in ${config.configLabel ?? "the default configuration (no config file)"}${didYouMean(name, names)}; defined: ${names.join(", ")}`,
      { ...(config.configLabel ? { file: config.configLabel } : {}), hint: `Use env: with one of ${names.join(", ")}, or a database URL` },
    );
  }
  const target = resolveTarget(config, { env: name, context });
  return { url: target.url, label: `env:${name} (${target.url.redacted})` };
}

function notALiveSource(text: string, flag: string, cwd: string): ShaleError {
  const path = resolve(cwd, text);
  const exists = text !== "" && existsSync(path);
  if (exists && statSync(path).isDirectory()) {
    return new ShaleError("SHALE_E_DIFF_SOURCE", `${flag} ${text}: diffing a migrations folder is not supported yet`, {
      hint: "Compare live databases for now: pass a database URL or env:NAME, for example a database the migrations were applied to",
    });
  }
  if (exists && [".sql", ".ts"].includes(extname(path))) {
    return new ShaleError("SHALE_E_DIFF_SOURCE", `${flag} ${text}: diffing a schema file is not supported yet`, {
      hint: "Compare live databases for now: load the file into a database and pass its URL or env:NAME",
    });
  }
  return new ShaleError("SHALE_E_DIFF_SOURCE", `${flag} ${text === "" ? "(empty)" : text}: not a database URL or env:NAME${exists ? "" : ", and no such file or folder"}`, {
    hint: "Pass a database URL (postgres://…, mysql://…, sqlite:./app.db) or env:NAME for an environment of the config",
  });
}

/** A relative SQLite path on the command line is relative to the folder shale runs in. */
function anchorSqlite(url: DatabaseUrl, cwd: string): DatabaseUrl {
  if (url.dialect !== "sqlite" || url.file === undefined || url.file === ":memory:" || isAbsolute(url.file)) return url;
  const path = resolve(cwd, url.file).split(sep).map(encodeURIComponent).join("/");
  const query = new URLSearchParams(url.params).toString();
  return parseDatabaseUrl(`sqlite:${path}${query ? `?${query}` : ""}`);
}
