/**
 * `seed`: applies the seeds folder, repeatable files run again whenever they change and
 * recorded with type `seed`. Never run by `migrate`.
 */
import type { DialectName } from "../dialects/url.js";
import { applyJob, type Job } from "../migrate/apply.js";
import { fileIdentity, newHistoryRow, nextRank } from "../migrate/history.js";
import { readMigrationFolder } from "../migrate/source.js";
import { repeatableStatus } from "../migrate/state.js";
import { ensureHistory } from "./checks.js";
import { loadBody, type AppliedScript } from "./migrate.js";
import { applyEnvOf, withSession, type Session, type WriteOptions } from "./session.js";

/** What `seed` did. */
export interface SeedResult {
  readonly context: string;
  readonly applied: readonly AppliedScript[];
  /** Seeds already applied with their current content. */
  readonly unchanged: readonly string[];
  readonly dryRun: boolean;
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Applies new or changed seeds. */
export async function seed(options: WriteOptions = {}): Promise<SeedResult> {
  const dryRun = options.dryRun ?? false;
  return withSession(options, { lock: !dryRun, create: true }, (session) => seedIn(session, dryRun));
}

/**
 * `seed` inside an open session (also the last step of `reset`, where `afterClean` says the
 * history was cleaned and how many rows the migrate step recorded since, which a dry run
 * cannot read back).
 */
export async function seedIn(session: Session, dryRun: boolean, sql: string[] = [], afterClean?: { readonly migrated: number }): Promise<SeedResult> {
  const set = readMigrationFolder(session.target.context.seeds, { allowMissing: true, repeatableOnly: true });
  const simulated = afterClean !== undefined && dryRun;
  if (!simulated) await ensureHistory(session, dryRun ? sql : undefined);
  const rows = simulated ? [] : await session.history.read();
  const states = repeatableStatus(set.repeatable, rows, new Set(["seed"]), "seed");
  const todo = states.filter((s) => s.state === "pending" || s.state === "failed").map((s) => s.file!);
  let rank = simulated ? afterClean.migrated + 1 : nextRank(rows);
  const jobs: Job[] = [];
  for (const file of todo) {
    const body = await loadBody(session, file, "up");
    const row = newHistoryRow(fileIdentity(file, rank++, "seed", session.installedBy));
    jobs.push({ file, body, index: jobs.length + 1, total: todo.length, record: (time) => session.history.insertSql(row, time) });
  }
  const env = applyEnvOf(session, dryRun, sql);
  const applied: AppliedScript[] = [];
  for (const job of jobs) {
    const { ms } = await applyJob(env, job);
    applied.push({ script: job.file.script, version: null, type: "seed", ms });
  }
  const unchanged = states.filter((s) => s.state === "applied").map((s) => s.script);
  return { context: session.target.context.name, dialect: session.dialect.name, applied, unchanged, dryRun, sql };
}
