/**
 * `undo`: reverts applied migrations, newest first, with their U files or TypeScript
 * `down`. Every undo is found and loaded before the first one runs.
 */
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import { applyJob, type Job } from "../migrate/apply.js";
import type { HistoryRow } from "../migrate/history.js";
import type { MigrationFile, MigrationSet } from "../migrate/source.js";
import { compareVersions, parseVersion } from "../migrate/version.js";
import { findVersion, readMigrations } from "./checks.js";
import { loadBody, type AppliedScript } from "./migrate.js";
import { refuseProtected } from "./protect.js";
import { applyEnvOf, withSession, type WriteOptions } from "./session.js";

/** Options of `undo`. */
export interface UndoOptions extends WriteOptions {
  /** How many migrations to revert (default 1). */
  readonly steps?: number;
  /** Revert every migration above this version; `0` reverts them all. */
  readonly to?: string;
  /** Allow a destructive undo on a protected environment. */
  readonly allowProtected?: boolean;
}

/** What `undo` did. */
export interface UndoResult {
  readonly context: string;
  readonly reverted: readonly AppliedScript[];
  readonly dryRun: boolean;
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Reverts applied migrations. */
export async function undo(options: UndoOptions = {}): Promise<UndoResult> {
  const dryRun = options.dryRun ?? false;
  if (options.steps !== undefined && options.to !== undefined) {
    throw new ShaleError("SHALE_E_USAGE", "undo takes --steps or --to, not both", { hint: "Use one of them" });
  }
  if (options.steps !== undefined && (!Number.isInteger(options.steps) || options.steps < 1)) {
    throw new ShaleError("SHALE_E_USAGE", `--steps must be a whole number of at least 1, not ${options.steps}`, { hint: "For example --steps 2" });
  }
  return withSession(options, { lock: !dryRun }, async (session) => {
    const set = readMigrations(session);
    const rows = await session.history.read();
    const applied = rows
      .filter((r) => r.success && r.version !== null && r.type !== "seed")
      .sort((a, b) => b.installedRank - a.installedRank);
    const chosen = choose(applied, options, set);
    const files = new Map(set.versioned.map((f) => [f.version!.text, f]));
    const missing: string[] = [];
    const pairs: { row: HistoryRow; file: MigrationFile; undoFile: MigrationFile }[] = [];
    for (const row of chosen) {
      const file = files.get(row.version!);
      const undoFile = set.undo.get(row.version!) ?? (file?.language === "ts" ? file : undefined);
      if (!file || !undoFile) missing.push(row.script);
      else pairs.push({ row, file, undoFile });
    }
    if (missing.length) {
      throw new ShaleError("SHALE_E_NO_UNDO", `No undo for ${missing.join(", ")}: nothing was reverted`, {
        hint: "Write a U<version>__<description>.sql file (or export `down` from the TypeScript migration) for each",
      });
    }
    const jobs: Job[] = [];
    for (const { row, undoFile } of pairs) {
      const body = await loadBody(session, undoFile, "down");
      jobs.push({ file: undoFile, body, index: jobs.length + 1, total: pairs.length, record: () => session.history.deleteSql(row.installedRank) });
    }
    const destructive = jobs.some((j) => j.body.kind === "ts" || j.body.prepared.statements.some((s) => isDestructive(s.sql)));
    if (destructive) refuseProtected(session.target, "undo", { allowProtected: options.allowProtected ?? false, dryRun }, "it drops or deletes data");
    const sql: string[] = [];
    const env = applyEnvOf(session, dryRun, sql);
    const reverted: AppliedScript[] = [];
    for (const [i, job] of jobs.entries()) {
      const { ms } = await applyJob(env, job);
      const row = pairs[i]!.row;
      reverted.push({ script: job.file.script, version: row.version, type: row.type, ms });
    }
    return { context: session.target.context.name, dialect: session.dialect.name, reverted, dryRun, sql };
  });
}

function choose(applied: readonly HistoryRow[], options: UndoOptions, set: MigrationSet): HistoryRow[] {
  const stopAt = applied.findIndex((r) => r.type === "baseline" || r.type === "squash");
  const undoable = stopAt < 0 ? applied : applied.slice(0, stopAt);
  if (options.to !== undefined) {
    const to = findVersion(set, options.to, applied.find((r) => r.version === options.to)?.version ?? null).version;
    const above = applied.filter((r) => compareVersions(parseVersion(r.version!)!, to) > 0);
    if (above.length > undoable.length) {
      const floor = applied[stopAt]!;
      throw new ShaleError("SHALE_E_NO_UNDO", `Cannot undo below the ${floor.type} at version ${floor.version}`, {
        hint: `Undo to version ${floor.version} or later`,
      });
    }
    return above;
  }
  if (undoable.length === 0) {
    throw new ShaleError("SHALE_E_NO_UNDO", "Nothing to undo: no applied migration", { hint: "`shale status` shows what is applied" });
  }
  return undoable.slice(0, options.steps ?? 1);
}

/** Statements that can lose data: DROP, TRUNCATE, DELETE, and ALTER ... DROP. */
function isDestructive(sql: string): boolean {
  const s = sql.replace(/^\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*/, "").toUpperCase();
  return /^(DROP|TRUNCATE|DELETE)\b/.test(s) || /^ALTER\s+TABLE\b[\s\S]*\bDROP\b/.test(s);
}
