/**
 * `migrate`: applies pending versioned migrations in order, then new or changed
 * repeatables. Every file is read, split and loaded before the first one runs, so a bad
 * file stops the run with nothing applied.
 */
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import { applyJob, type Job, type ScriptBody } from "../migrate/apply.js";
import { checksumOfStatements } from "../migrate/checksum.js";
import { fileIdentity, newHistoryRow, nextRank, typeOfFile, type HistoryRow, type HistoryType } from "../migrate/history.js";
import { prepareSql } from "../migrate/prepare.js";
import type { MigrationFile } from "../migrate/source.js";
import { BELOW_BASELINE, computeStatus, type MigrationStatus } from "../migrate/state.js";
import { loadTsMigration } from "../migrate/ts-module.js";
import { compareVersions, parseVersion } from "../migrate/version.js";
import { ensureHistory, findVersion, readMigrations, refuseProblems } from "./checks.js";
import { applyEnvOf, withSession, type Session, type WriteOptions } from "./session.js";

/** Options of `migrate`. */
export interface MigrateOptions extends WriteOptions {
  /** Stop after this version (`--to`). */
  readonly to?: string;
  /** Also apply pending migrations older than the current version (`--out-of-order`). */
  readonly outOfOrder?: boolean;
}

/** One script a run applied (or would apply, in a dry run). */
export interface AppliedScript {
  readonly script: string;
  readonly version: string | null;
  readonly type: HistoryType;
  readonly ms: number;
  /** Set when a stepwise run resumed after a failure: the first statement run (1-based). */
  readonly resumedAt?: number;
}

/** What `migrate` did. */
export interface MigrateResult {
  readonly context: string;
  readonly applied: readonly AppliedScript[];
  /** The current version after the run. */
  readonly current: string | null;
  readonly dryRun: boolean;
  /** Under dry run: every statement the run would execute, in order. */
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Applies pending migrations. */
export async function migrate(options: MigrateOptions = {}): Promise<MigrateResult> {
  return withSession(options, { lock: !options.dryRun, create: true }, (session) => migrateIn(session, options));
}

/**
 * `migrate` inside an open session. `afterClean` says the schema was just cleaned (a dry
 * run of `reset`), so the history is taken as empty.
 */
export async function migrateIn(session: Session, options: MigrateOptions, sql: string[] = [], afterClean = false): Promise<MigrateResult> {
  const dryRun = options.dryRun ?? false;
  const set = readMigrations(session);
  const simulated = afterClean && dryRun;
  const rows = simulated ? [] : await session.history.read();
  const report = computeStatus(set, rows);
  const to = options.to === undefined ? undefined : findVersion(set, options.to, report.current).version;

  const resumes = new Map<string, Resume>();
  for (const m of report.migrations) if (m.state === "failed" && m.version !== null && m.file) resumes.set(m.version, resumePoint(session, m));
  refuseProblems(report, { allowFailed: new Set(resumes.keys()), outOfOrder: options.outOfOrder ?? false });

  // refuseProblems let ignored files through only under --out-of-order.
  const runnable = (m: MigrationStatus): boolean =>
    m.state === "pending" || (m.state === "ignored" && m.note !== BELOW_BASELINE) || resumes.has(m.version ?? "");
  const versioned = report.migrations
    .filter((m) => m.file?.kind === "versioned" && runnable(m))
    .map((m) => m.file!)
    .filter((f) => to === undefined || compareVersions(f.version!, to) <= 0)
    .sort((a, b) => compareVersions(a.version!, b.version!));
  const repeatables = report.migrations.filter((m) => m.file?.kind === "repeatable" && m.state === "pending").map((m) => m.file!);
  const jobs = await planJobs(session, [...versioned, ...repeatables], nextRank(rows), resumes);

  // Only now that every file has been read and loaded may the history table be created.
  if (simulated) sql.push(...session.history.createSql());
  else await ensureHistory(session, dryRun ? sql : undefined);
  const env = applyEnvOf(session, dryRun, sql);
  const applied: AppliedScript[] = [];
  for (const job of jobs) {
    const { ms } = await applyJob(env, job);
    const resumedAt = job.progress?.exists ? job.progress.resumeAt + 1 : undefined;
    applied.push({ script: job.file.script, version: job.file.version?.text ?? null, type: typeOfFile(job.file), ms, ...(resumedAt ? { resumedAt } : {}) });
  }
  const lastApplied = [...applied].reverse().find((a) => a.version !== null)?.version ?? null;
  return {
    context: session.target.context.name,
    dialect: session.dialect.name,
    applied,
    current: dryRun ? maxVersion(report.current, lastApplied) : computeStatus(set, await session.history.read()).current,
    dryRun,
    sql,
  };
}

/** Where a failed stepwise run picks up. */
interface Resume {
  readonly row: HistoryRow;
  readonly at: number;
}

/** Loads every file and decides how each is recorded, before anything runs. */
async function planJobs(session: Session, files: readonly MigrationFile[], firstRank: number, resumes: ReadonlyMap<string, Resume>): Promise<Job[]> {
  const { history } = session;
  let rank = firstRank;
  const jobs: Job[] = [];
  for (const file of files) {
    const body = await loadBody(session, file, "up");
    const resume = file.version ? resumes.get(file.version.text) : undefined;
    const row = newHistoryRow(fileIdentity(file, resume ? resume.row.installedRank : rank++, typeOfFile(file), session.installedBy));
    // Stepwise SQL records its progress so it can resume; TypeScript cannot resume, but a
    // failure where DDL is not transactional is recorded so that status shows it.
    const tracked = body.kind === "sql" && body.prepared.mode === "stepwise" && file.kind === "versioned";
    const untransactedTs = body.kind === "ts" && !session.dialect.capabilities.transactionalDdl && file.kind === "versioned";
    jobs.push({
      file,
      body,
      index: jobs.length + 1,
      total: files.length,
      record: (time) =>
        tracked ? history.updateSql(row.installedRank, { success: true, checksum: file.checksum, error: null, errorLine: null }, time) : history.insertSql(row, time),
      ...(tracked ? { progress: { row: { ...row, success: false, progress: 0 }, exists: resume !== undefined, resumeAt: resume?.at ?? 0 } } : {}),
      ...(untransactedTs ? { failureRow: { ...row, success: false } } : {}),
    });
  }
  return jobs;
}

/** Loads what a file runs in one direction: split SQL, or a TypeScript function. */
export async function loadBody(session: Session, file: MigrationFile, direction: "up" | "down"): Promise<ScriptBody> {
  if (file.language === "sql") return { kind: "sql", prepared: prepareSql(file, session.dialect) };
  const mod = await loadTsMigration(file);
  const fn = direction === "up" ? mod.up : mod.down;
  if (!fn) {
    throw new ShaleError("SHALE_E_NO_UNDO", `${file.displayPath} exports no \`down\` function`, {
      file: file.displayPath,
      hint: "Export `async function down(ctx)` that reverts `up`",
    });
  }
  return { kind: "ts", fn };
}

/**
 * Where a failed stepwise run can resume: only when the statements it already ran are
 * unchanged in the file as it is now; anything else needs a person (`repair`).
 */
function resumePoint(session: Session, m: MigrationStatus): Resume {
  const row = m.row!;
  const file = m.file!;
  const where = row.errorLine ? `${file.displayPath}:${row.errorLine}` : file.displayPath;
  if (row.progress === null || row.progressChecksum === null || file.language !== "sql") {
    throw new ShaleError("SHALE_E_FAILED_ENTRY", `${where}: an earlier run of ${file.script} failed: ${row.error ?? "no error recorded"}`, {
      file: file.displayPath,
      ...(row.errorLine ? { line: row.errorLine } : {}),
      hint: "Revert by hand whatever it applied, then run `shale repair` to remove the failed entry and `shale migrate` again",
    });
  }
  const statements = prepareSql(file, session.dialect).statements;
  const done = statements.slice(0, row.progress).map((s) => s.sql);
  if (done.length < row.progress || checksumOfStatements(done) !== row.progressChecksum) {
    throw new ShaleError(
      "SHALE_E_RESUME_CHANGED",
      `${file.displayPath}: statements 1-${row.progress} already ran, but the file has changed before statement ${row.progress + 1}`,
      {
        file: file.displayPath,
        hint: `Restore statements 1-${row.progress} as they were so the run can resume, or revert what they did by hand and run \`shale repair\``,
      },
    );
  }
  return { row, at: row.progress };
}

function maxVersion(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return compareVersions(parseVersion(a)!, parseVersion(b)!) >= 0 ? a : b;
}
