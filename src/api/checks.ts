/**
 * Checks shared by the operations: reading the context's migrations, making sure the
 * history table exists, finding a version, and refusing to run on a history that does
 * not match the files.
 */
import { ShaleError } from "../errors.js";
import { readMigrationFolder, type MigrationSet } from "../migrate/source.js";
import { BELOW_BASELINE, type StatusReport } from "../migrate/state.js";
import { compareVersions, parseVersion, VERSION_ZERO, type Version } from "../migrate/version.js";
import type { Session } from "./session.js";

/** The context's migrations folder, read and checked. */
export function readMigrations(session: Session): MigrationSet {
  return readMigrationFolder(session.target.context.migrations, { cwd: process.cwd() });
}

/** Creates the history table if it is missing; under dry run, adds its DDL to `dryRunSql` instead. */
export async function ensureHistory(session: Session, dryRunSql: string[] | undefined): Promise<void> {
  if (await session.history.exists()) return;
  const ddl = session.history.createSql();
  if (dryRunSql) {
    dryRunSql.push(...ddl);
    return;
  }
  for (const sql of ddl) await session.conn.exec(sql);
}

/** A version given on the command line, which must name a migration file (or 0). */
export function findVersion(set: MigrationSet, text: string, current: string | null): { version: Version } {
  const version = parseVersion(text);
  const known = version && (compareVersions(version, VERSION_ZERO) === 0 || set.versioned.some((f) => compareVersions(f.version!, version) === 0) || current === version.text);
  if (!version || !known) {
    const nearby = set.versioned.slice(-5).map((f) => f.version!.text);
    throw new ShaleError("SHALE_E_UNKNOWN_VERSION", `No migration has the version "${text}"`, {
      hint: nearby.length ? `Known versions include ${nearby.join(", ")}; \`shale status\` lists them all` : "The migrations folder is empty",
    });
  }
  return { version };
}

/** Refuses a run when history and files disagree (SPEC: validate's conditions). */
export function refuseProblems(report: StatusReport, options: { allowFailed: ReadonlySet<string>; outOfOrder: boolean }): void {
  for (const m of report.migrations) {
    const file = m.file?.displayPath ?? m.script;
    if (m.state === "changed") {
      throw new ShaleError("SHALE_E_CHECKSUM", `${file} was changed after it was applied (checksum differs from the history table)`, {
        file,
        hint: "Put the file back as it was and make the change in a new migration; if the edit was reviewed and is harmless, run `shale repair` to accept it",
      });
    }
    if (m.state === "missing") {
      throw new ShaleError("SHALE_E_MISSING_FILE", `${m.script} (version ${m.version ?? "repeatable"}) was applied, but its file is gone`, {
        hint: "Restore the file, or run `shale unmark " + (m.version ?? m.description) + "` if it was removed on purpose",
      });
    }
    if (m.state === "failed" && !(m.version && options.allowFailed.has(m.version))) {
      throw new ShaleError("SHALE_E_FAILED_ENTRY", `${file} failed in an earlier run: ${m.row?.error ?? "no error recorded"}`, {
        file,
        ...(m.row?.errorLine ? { line: m.row.errorLine } : {}),
        hint: "Revert by hand whatever it applied, then run `shale repair` to remove the failed entry",
      });
    }
    if (m.state === "ignored" && m.note !== BELOW_BASELINE && !options.outOfOrder) {
      throw new ShaleError("SHALE_E_IGNORED", `${file} is pending but older than the current version ${report.current}`, {
        file,
        hint: "Run `shale migrate --out-of-order` to apply it anyway, or give it a newer version",
      });
    }
  }
}
