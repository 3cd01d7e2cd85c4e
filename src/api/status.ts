/** `status` and `validate`: the state of every migration, read without writing anything. */
import type { Dialect } from "../dialects/dialect.js";
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
  /**
   * For a failed run: the statement that failed and its line, and where a fixed file resumes
   * (earlier than the failed statement when its transaction group was rolled back).
   */
  readonly failure?: { readonly statement: number | null; readonly line: number | null; readonly resumeAt: number | null; readonly error: string | null };
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
    const toEntry = (m: MigrationStatus): StatusEntry => entryOf(m, session.dialect);
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

function entryOf(m: MigrationStatus, dialect: Dialect): StatusEntry {
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
      ? {
          failure: {
            statement: failedStatement(m, dialect),
            line: row.errorLine,
            resumeAt: row.progress === null ? null : row.progress + 1,
            error: row.error,
          },
        }
      : {}),
  };
}

/** The 1-based number of the statement holding the recorded error line, read from the file as it is now. */
function failedStatement(m: MigrationStatus, dialect: Dialect): number | null {
  const line = m.row?.errorLine;
  if (!line || !m.file || m.file.language !== "sql") return m.row?.progress == null ? null : m.row.progress + 1;
  try {
    const statements = dialect.split(m.file.content, m.file.displayPath);
    const index = statements.findLastIndex((s) => s.line <= line);
    return index < 0 ? null : index + 1;
  } catch {
    return null;
  }
}
