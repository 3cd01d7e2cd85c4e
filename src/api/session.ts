/**
 * A session: the configuration resolved to one environment and context, its dialect,
 * an open connection and the context's history table. Every database operation runs
 * inside `withSession`, which also takes the run lock for operations that write.
 */
import { userInfo } from "node:os";
import { loadConfig } from "../config/load.js";
import { resolveTarget, type ResolvedTarget } from "../config/resolve.js";
import type { Connection, Dialect, HeldLock } from "../dialects/dialect.js";
import { loadDialect } from "../dialects/load.js";
import type { ApplyEnv } from "../migrate/apply.js";
import { HistoryStore } from "../migrate/history.js";
import { ignoreEvents, type EventListener } from "../migrate/events.js";
import { createdFileUnused, removeCreatedFile, requireSqliteFile, sqliteFileToCreate } from "./sqlite-file.js";

/** Options every operation takes (SPEC: --config, --env, --context, --url). */
export interface TargetOptions {
  /** Folder to look for the config file in and resolve relative paths against. */
  readonly cwd?: string;
  /** An explicit config file (`--config`). */
  readonly config?: string;
  /** Environment name (`--env`); else SHALE_ENV, `local`, or the only one. */
  readonly env?: string;
  /** Context name (`--context`); else `main` or the only one. */
  readonly context?: string;
  /** A database URL that overrides the environment's (`--url`). */
  readonly url?: string;
  /** Receives progress events. */
  readonly onEvent?: EventListener;
}

/** Options of operations that write. */
export interface WriteOptions extends TargetOptions {
  /** Print (return) the SQL instead of running it. */
  readonly dryRun?: boolean;
}

/** What an operation works with. */
export interface Session {
  readonly target: ResolvedTarget;
  readonly dialect: Dialect;
  readonly conn: Connection;
  readonly history: HistoryStore;
  readonly installedBy: string;
  readonly emit: EventListener;
}

/** Resolves the configuration for the given options, without connecting. */
export async function resolveOptions(options: TargetOptions): Promise<ResolvedTarget> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig({ cwd, ...(options.config ? { configPath: options.config } : {}) });
  return resolveTarget(config, { env: options.env, context: options.context, url: options.url });
}

/** Where the options point, with the password masked: for confirmation questions and reports. */
export async function describeTarget(options: TargetOptions): Promise<{ environment: string; context: string; url: string; protected: boolean }> {
  const target = await resolveOptions(options);
  return { environment: target.environment.name, context: target.context.name, url: target.url.redacted, protected: target.environment.protected };
}

/**
 * How a session uses its database: `lock` takes the run lock (operations that write);
 * `create` lets a missing SQLite file be created (operations that build a database).
 */
export interface SessionMode {
  readonly lock: boolean;
  readonly create?: boolean;
}

/** Opens a session, runs `fn`, and always closes the connection (and releases the lock). */
export async function withSession<T>(options: TargetOptions, mode: SessionMode, fn: (session: Session) => Promise<T>): Promise<T> {
  const target = await resolveOptions(options);
  if (!mode.create) requireSqliteFile(target.url);
  const created = sqliteFileToCreate(target.url);
  const dialect = await loadDialect(target.dialect);
  const conn = await dialect.connect(target.url);
  let lock: HeldLock | undefined;
  let failed = true;
  try {
    const schema = target.context.schemas?.[0];
    const history = new HistoryStore(conn, dialect, { ...(schema && dialect.capabilities.schemas ? { schema } : {}), name: target.context.historyTable });
    const emit = options.onEvent ?? ignoreEvents;
    if (mode.lock) {
      const key = `shale:${target.url.database ?? target.url.file ?? ""}:${schema ?? ""}:${target.context.historyTable}`;
      // Say so when another run holds the lock, rather than hanging silently.
      const waiting = setTimeout(() => emit({ type: "lock-wait", key }), 500);
      try {
        lock = await dialect.lock(conn, { key, timeoutMs: target.lockTimeoutMs });
      } finally {
        clearTimeout(waiting);
      }
    }
    const result = await fn({ target, dialect, conn, history, installedBy: target.url.user ?? safeUserName(), emit });
    failed = false;
    return result;
  } finally {
    // Decided while the run lock is still held, so that no other run has written meanwhile.
    const unused = created !== undefined && (await createdFileUnused(conn, target.context.historyTable, failed));
    if (lock) await lock.release().catch(() => undefined);
    await conn.close().catch(() => undefined);
    if (created !== undefined && unused) removeCreatedFile(created);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

/** Where the runner applies scripts for this session; under dry run it collects them into `sql`. */
export function applyEnvOf(session: Session, dryRun: boolean, sql: string[]): ApplyEnv {
  return { conn: session.conn, dialect: session.dialect, history: session.history, emit: session.emit, dryRunSql: dryRun ? sql : undefined };
}
