/**
 * `baseline --version V`: marks an existing database as being at V, so older files are
 * skipped. With `--from-db` it first writes `V<V>__baseline.sql`, the live schema as DDL,
 * so that a fresh database gets by migrating what this one already has.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { resolveTarget } from "../config/resolve.js";
import { filterSchema } from "../diff/filter.js";
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import { newHistoryRow, nextRank } from "../migrate/history.js";
import { parseVersion } from "../migrate/version.js";
import { renderDdlScript } from "../report/sql.js";
import { ensureHistory } from "./checks.js";
import { createSchemaDdl, inspectSchema } from "./schema-diff.js";
import { shaleTables } from "./schema-source.js";
import { withSession, type Session, type WriteOptions } from "./session.js";

/** Options of `baseline`. */
export interface BaselineOptions extends WriteOptions {
  /** The version the database is at (default 1). */
  readonly version?: string;
  readonly description?: string;
  /** First write `V<version>__baseline.sql` holding the live schema as DDL. */
  readonly fromDb?: boolean;
}

/** What `baseline` did. */
export interface BaselineResult {
  readonly context: string;
  readonly version: string;
  readonly dryRun: boolean;
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
  /** With fromDb: the migration file (relative to cwd) and its text; under dry run it was not written. */
  readonly file?: { readonly path: string; readonly text: string };
}

/** Records a baseline entry in an empty history table (writing the baseline file first with fromDb). */
export async function baseline(options: BaselineOptions = {}): Promise<BaselineResult> {
  const text = options.version ?? "1";
  const version = parseVersion(text);
  if (!version) {
    throw new ShaleError("SHALE_E_USAGE", `"${text}" is not a version`, { hint: "A version is digits separated by . or _, for example 1 or 2026.1" });
  }
  const dryRun = options.dryRun ?? false;
  const cwd = options.cwd ?? process.cwd();
  const config = options.fromDb ? await loadConfig({ cwd, ...(options.config ? { configPath: options.config } : {}) }) : undefined;
  const path = config ? baselineFile(config, options, version.text, cwd) : undefined;
  return withSession(options, { lock: !dryRun, create: true }, async (session) => {
    const sql: string[] = [];
    await ensureHistory(session, dryRun ? sql : undefined);
    const rows = await session.history.read();
    const applied = rows.filter((r) => r.version !== null && r.type !== "seed");
    if (applied.length) {
      const last = applied[applied.length - 1]!;
      throw new ShaleError("SHALE_E_BASELINE", `Cannot baseline: ${session.history.qualified} already records migrations (latest ${last.script})`, {
        hint: "A baseline starts the history of a database that has none; use `shale status` to see where this one is",
      });
    }
    const file = config && path ? await writeBaselineFile(session, config, path, cwd, dryRun) : undefined;
    const description = options.description ?? "<< baseline >>";
    const insert = session.history.insertSql(
      newHistoryRow({ installedRank: nextRank(rows), version: version.text, description, type: "baseline", script: description, checksum: null, installedBy: session.installedBy }),
    );
    if (dryRun) sql.push(insert);
    else await session.conn.exec(insert);
    return { context: session.target.context.name, dialect: session.dialect.name, version: version.text, dryRun, sql, ...(file ? { file } : {}) };
  });
}

/** Where the baseline file goes; refused when a file is there already. */
function baselineFile(config: LoadedConfig, options: BaselineOptions, version: string, cwd: string): string {
  const target = resolveTarget(config, { env: options.env, context: options.context, url: options.url });
  const path = join(target.context.migrations, `V${version}__baseline.sql`);
  if (existsSync(path)) {
    const shown = relative(cwd, path);
    throw new ShaleError("SHALE_E_FILE_EXISTS", `${shown} already exists`, {
      file: shown,
      hint: "Remove or rename it if it is a stale baseline, or choose another --version",
    });
  }
  return path;
}

/** The live schema (without shale's tables) as DDL, written to `path` unless this is a dry run. */
async function writeBaselineFile(session: Session, config: LoadedConfig, path: string, cwd: string, dryRun: boolean): Promise<{ path: string; text: string }> {
  const own = shaleTables(config);
  const live = await inspectSchema(session.dialect, session.conn, { excludeTables: own.names });
  const schema = filterSchema(live, { excludeTables: own.isShaleTable });
  const title = `Baseline (${session.dialect.name}): the schema the database had when shale baseline --from-db wrote this file`;
  const text = renderDdlScript(createSchemaDdl(session.dialect, schema), title);
  if (!dryRun) {
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
  }
  return { path: relative(cwd, path), text };
}
