/** `status` and `validate`: the state of every migration, read without writing anything. */
import { computeStatus, problemsOf, type MigrationState, type MigrationStatus } from "../migrate/state.js";
import { readMigrations } from "./checks.js";
import { withSession, type TargetOptions } from "./session.js";

/** One migration in status output (SPEC's `status --json` fields, plus a note and failure details). */
export interface StatusEntry {
  readonly version: string | null;
  readonly description: string;
  readonly type: string;
  readonly script: string;
  readonly state: MigrationState;
  readonly checksum: string | null;
  readonly installedOn: string | null;
  readonly note?: string;
  /** For a failed stepwise run: where it stopped. */
  readonly failure?: { readonly statement: number | null; readonly line: number | null; readonly error: string | null };
}

/** What `status` reports. */
export interface StatusResult {
  readonly context: string;
  readonly current: string | null;
  readonly migrations: readonly StatusEntry[];
}

/** What `validate` reports: valid when no migration is changed, missing, failed or ignored. */
export interface ValidateResult extends StatusResult {
  readonly valid: boolean;
  readonly problems: readonly StatusEntry[];
}

/** The state of every migration of the context. */
export async function status(options: TargetOptions = {}): Promise<StatusResult> {
  const { context, current, migrations } = await validate(options);
  return { context, current, migrations };
}

/** Checks files against history: checksums, missing files, failed entries, pending order. */
export async function validate(options: TargetOptions = {}): Promise<ValidateResult> {
  return withSession(options, { lock: false }, async (session) => {
    const set = readMigrations(session);
    const report = computeStatus(set, await session.history.read());
    const problems = new Set(problemsOf(report));
    const migrations = report.migrations.map(toEntry);
    return {
      context: session.target.context.name,
      current: report.current,
      migrations,
      valid: problems.size === 0,
      problems: report.migrations.filter((m) => problems.has(m)).map(toEntry),
    };
  });
}

function toEntry(m: MigrationStatus): StatusEntry {
  const row = m.row;
  return {
    version: m.version,
    description: m.description,
    type: m.type,
    script: m.script,
    state: m.state,
    checksum: m.checksum,
    installedOn: m.installedOn,
    ...(m.note ? { note: m.note } : {}),
    ...(m.state === "failed" && row
      ? { failure: { statement: row.progress === null ? null : row.progress + 1, line: row.errorLine, error: row.error } }
      : {}),
  };
}
