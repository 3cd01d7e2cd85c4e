/**
 * `repair`: after a person has reviewed things, removes failed entries and realigns the
 * recorded checksums (and descriptions) of applied migrations with their files.
 */
import type { DialectName } from "../dialects/url.js";
import { computeStatus } from "../migrate/state.js";
import { readMigrations } from "./checks.js";
import { withSession, type WriteOptions } from "./session.js";

/** What `repair` did. */
export interface RepairResult {
  readonly context: string;
  readonly removedFailed: readonly string[];
  readonly realigned: readonly string[];
  /** Applied migrations whose files are gone; left alone (restore them or `unmark`). */
  readonly missing: readonly string[];
  readonly dryRun: boolean;
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Removes failed entries and realigns checksums. */
export async function repair(options: WriteOptions = {}): Promise<RepairResult> {
  const dryRun = options.dryRun ?? false;
  return withSession(options, { lock: !dryRun }, async (session) => {
    const set = readMigrations(session);
    const report = computeStatus(set, await session.history.read());
    const h = session.history;
    const sql: string[] = [];
    const removedFailed: string[] = [];
    const realigned: string[] = [];
    for (const m of report.migrations) {
      if (m.state === "failed" && m.row) {
        sql.push(h.deleteSql(m.row.installedRank));
        removedFailed.push(m.script);
      } else if (m.state === "changed" && m.row && m.file) {
        sql.push(h.updateSql(m.row.installedRank, { checksum: m.file.checksum, description: m.file.description }));
        realigned.push(m.script);
      }
    }
    if (!dryRun && sql.length) await session.conn.execAtomic(sql);
    const missing = report.migrations.filter((m) => m.state === "missing").map((m) => m.script);
    return { context: session.target.context.name, dialect: session.dialect.name, removedFailed, realigned, missing, dryRun, sql };
  });
}
