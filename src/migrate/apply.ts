/**
 * Runs one script (a migration, an undo, a repeatable or a seed) and records it, for real
 * or as a dry run: both go through the same steps, the dry run only collects the SQL.
 */
import type { Connection, Dialect, Row, SqlStatement } from "../dialects/dialect.js";
import { StatementFailure } from "../dialects/dialect.js";
import { ShaleError, isShaleError } from "../errors.js";
import { checksumOfStatements } from "./checksum.js";
import type { EventListener } from "./events.js";
import type { HistoryStore, NewHistoryRow } from "./history.js";
import type { PreparedSql } from "./prepare.js";
import type { MigrationFile } from "./source.js";
import type { MigrationContext, MigrationFunction } from "./ts-module.js";

/** Where a run happens and what it reports to. */
export interface ApplyEnv {
  readonly conn: Connection;
  readonly dialect: Dialect;
  readonly history: HistoryStore;
  readonly emit: EventListener;
  /** When set, nothing runs: every statement is appended here instead. */
  readonly dryRunSql: string[] | undefined;
}

/** What to run: SQL statements, or a TypeScript function. */
export type ScriptBody = { readonly kind: "sql"; readonly prepared: PreparedSql } | { readonly kind: "ts"; readonly fn: MigrationFunction };

/** How a successful run is recorded: SQL run in the same transaction as the last statements. */
export type RecordSql = (executionTimeSql: string) => string;

/** Progress tracking for forward versioned runs that cannot be atomic, so they can resume. */
export interface ProgressRow {
  readonly row: NewHistoryRow;
  /** The row exists already (a resume). */
  readonly exists: boolean;
  /** Index of the first statement still to run. */
  readonly resumeAt: number;
}

/** One script to run. */
export interface Job {
  readonly file: MigrationFile;
  readonly body: ScriptBody;
  readonly record: RecordSql;
  readonly progress?: ProgressRow;
  /** Recorded when a run that could not be rolled back fails (TypeScript on MySQL). */
  readonly failureRow?: NewHistoryRow;
  readonly index: number;
  readonly total: number;
}

/** Runs a job; throws SHALE_E_MIGRATION_FAILED naming the file and line when a statement fails. */
export async function applyJob(env: ApplyEnv, job: Job): Promise<{ ms: number }> {
  const started = new Date();
  env.emit({
    type: "script-start",
    script: job.file.script,
    index: job.index,
    total: job.total,
    ...(job.progress?.resumeAt ? { resumeAt: job.progress.resumeAt } : {}),
  });
  try {
    if (job.body.kind === "sql") {
      for (const n of job.body.prepared.notices) env.emit({ type: "notice", script: job.file.script, line: n.line, message: n.message });
      if (job.body.prepared.mode === "atomic") await runAtomic(env, job, job.body.prepared, started);
      else await runStepwise(env, job, job.body.prepared, started);
    } else {
      await runTs(env, job, job.body.fn, started);
    }
  } catch (err) {
    env.emit({ type: "script-failed", script: job.file.script, line: isShaleError(err) ? err.line : undefined, message: (err as Error).message });
    throw err;
  }
  const ms = Date.now() - started.getTime();
  env.emit({ type: "script-done", script: job.file.script, ms });
  return { ms };
}

function elapsedSql(env: ApplyEnv, started: Date): string {
  return env.dialect.executionTimeSql?.(started) ?? env.dialect.literal(Date.now() - started.getTime());
}

async function runAtomic(env: ApplyEnv, job: Job, prepared: PreparedSql, started: Date): Promise<void> {
  const sqls = prepared.statements.map((s) => s.sql);
  if (env.dryRunSql) {
    env.dryRunSql.push(`-- ${job.file.script}`, "BEGIN", ...sqls, job.record(env.dialect.literal(0)), "COMMIT");
    return;
  }
  try {
    await env.conn.execAtomic([...sqls, job.record(elapsedSql(env, started))]);
  } catch (err) {
    throw failure(env, job, prepared.statements, err, "Nothing was applied: the migration and its history row were rolled back together. Fix the statement and run `shale migrate` again.");
  }
}

/** Statement by statement (or group by group), recording progress after each so a fixed file can resume. */
async function runStepwise(env: ApplyEnv, job: Job, prepared: PreparedSql, started: Date): Promise<void> {
  const { statements, groups } = prepared;
  const progress = job.progress;
  const progressFields = (done: number) => ({
    progress: done,
    progressChecksum: checksumOfStatements(statements.slice(0, done).map((s) => s.sql)),
  });
  const progressSql = (done: number): string => env.history.updateSql(progress!.row.installedRank, progressFields(done));
  if (env.dryRunSql) env.dryRunSql.push(`-- ${job.file.script} (statement by statement)`);
  if (progress && !progress.exists) await run(env, env.history.insertSql(progress.row));
  const resumeAt = progress?.resumeAt ?? 0;
  for (const group of groups) {
    const end = group.first + group.statements.length;
    if (end <= resumeAt) continue;
    const start = Math.max(group.first, resumeAt);
    const todo = statements.slice(start, end);
    // How many statements stay applied if this group fails: a transaction takes its group back.
    let kept = start;
    try {
      if (group.transactional) {
        const batch = [...todo.map((s) => s.sql), ...(progress ? [progressSql(end)] : [])];
        if (env.dryRunSql) env.dryRunSql.push("BEGIN", ...batch, "COMMIT");
        else await env.conn.execAtomic(batch);
      } else {
        for (const [i, statement] of todo.entries()) {
          await run(env, statement.sql, start + i);
          kept = start + i + 1;
          if (progress) await run(env, progressSql(kept));
        }
      }
    } catch (err) {
      // The driver counts from the first statement it was given; an index past the group's
      // statements (the progress update) or -1 is a history write, not a statement of the file.
      const failedAt = !(err instanceof StatementFailure) ? kept : !group.transactional ? err.index : err.index < todo.length ? start + err.index : -1;
      const cause = err instanceof StatementFailure ? reindex(err, failedAt) : err;
      const shaped = failure(env, job, statements, cause, stepwiseHint(kept, statements.length, progress !== undefined));
      if (progress && !env.dryRunSql) {
        const update = env.history.updateSql(progress.row.installedRank, { ...progressFields(kept), success: false, errorLine: shaped.line ?? null, error: shaped.message });
        // The connection may be what failed; the error being thrown says more than this one would.
        await env.conn.exec(update).catch(() => undefined);
      }
      throw shaped;
    }
    env.emit({ type: "statement-done", script: job.file.script, index: end, total: statements.length });
  }
  await run(env, job.record(elapsedSql(env, started)));
}

/**
 * Runs one statement (collects it under dry run); a failure carries `index`, the statement's
 * place in the file, or -1 for shale's own history writes.
 */
async function run(env: ApplyEnv, sql: string, index = -1): Promise<void> {
  if (env.dryRunSql) {
    env.dryRunSql.push(sql);
    return;
  }
  try {
    await env.conn.exec(sql);
  } catch (err) {
    throw err instanceof StatementFailure ? reindex(err, index) : err;
  }
}

function reindex(err: StatementFailure, index: number): StatementFailure {
  return new StatementFailure(err.message, index, err.sqlState, err.position);
}

function stepwiseHint(index: number, total: number, resumable: boolean): string {
  const done = index === 0 ? "No statement of this file was applied" : `Statements 1-${index} of ${total} were applied and stay applied`;
  return resumable
    ? `${done} (they could not run in one transaction). Fix statement ${index + 1} and run \`shale migrate\` again: it resumes there as long as the statements before it are unchanged.`
    : `${done}. Fix the file, and revert by hand what did run before trying again.`;
}

async function runTs(env: ApplyEnv, job: Job, fn: MigrationFunction, started: Date): Promise<void> {
  const { conn, dialect } = env;
  const dry = env.dryRunSql;
  const ctx: MigrationContext = {
    dialect: dialect.name,
    exec: async (sql) => {
      if (dry) dry.push(sql);
      else await conn.exec(sql);
    },
    query: async <T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> => {
      // A dry run still answers reads, so code that decides from data shows its real plan.
      if (dry && !/^\s*(select|with|show|explain|pragma\s+\w+\s*$|values)\b/i.test(sql)) {
        dry.push(sql);
        return [];
      }
      return conn.query<T>(sql, params);
    },
  };
  if (dry) {
    dry.push(`-- ${job.file.script}`);
    await fn(ctx);
    dry.push(job.record(dialect.literal(0)));
    return;
  }
  const transactional = dialect.capabilities.transactionalDdl;
  if (transactional) await conn.begin();
  try {
    await fn(ctx);
    await conn.exec(job.record(elapsedSql(env, started)));
    if (transactional) await conn.commit();
  } catch (err) {
    if (transactional) await conn.rollback().catch(() => undefined);
    const hint = transactional
      ? "Nothing was applied: the migration ran in a transaction that was rolled back. Fix it and run `shale migrate` again."
      : "What the migration ran before the error stays applied (MySQL commits DDL at once); revert it by hand, then run `shale repair`.";
    const shaped = isShaleError(err)
      ? err
      : new ShaleError("SHALE_E_MIGRATION_FAILED", `${job.file.displayPath}: ${(err as Error).message}`, {
          file: job.file.displayPath,
          hint,
          cause: err,
        });
    if (!transactional && job.failureRow) {
      await conn.exec(env.history.insertSql({ ...job.failureRow, error: shaped.message })).catch(() => undefined);
    }
    throw shaped;
  }
}

/** Turns a driver error into SHALE_E_MIGRATION_FAILED with the file and the line in it. */
function failure(env: ApplyEnv, job: Job, statements: readonly SqlStatement[], err: unknown, hint: string): ShaleError {
  if (isShaleError(err)) return err;
  const file = job.file.displayPath;
  if (err instanceof StatementFailure) {
    const statement = statements[err.index];
    if (!statement) {
      return new ShaleError("SHALE_E_HISTORY", `Could not record ${job.file.script} in ${env.history.qualified}: ${err.message}`, {
        file,
        hint: "The migration was rolled back. Check that the history table has the expected columns and that the user may write to it",
        cause: err,
      });
    }
    // `sql` starts at `start`, which may hold leading comments before `line`'s first token.
    const line = err.position === undefined ? statement.line : lineAt(job.file.content, statement.start + err.position);
    return new ShaleError(
      "SHALE_E_MIGRATION_FAILED",
      `${file}:${line}: statement ${err.index + 1} of ${statements.length} failed: ${err.message}`,
      { file, line, hint, cause: err },
    );
  }
  return new ShaleError("SHALE_E_DB", `${file}: ${(err as Error).message}`, { file, hint, cause: err });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
