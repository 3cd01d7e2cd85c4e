/**
 * `mark-applied` and `unmark`: record migrations as applied without running them
 * (Django's --fake), or remove their records, after a person has checked the schema.
 */
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import { fileIdentity, newHistoryRow, nextRank, typeOfFile } from "../migrate/history.js";
import { computeStatus } from "../migrate/state.js";
import { compareVersions, parseVersion } from "../migrate/version.js";
import { ensureHistory, findVersion, readMigrations } from "./checks.js";
import { withSession, type WriteOptions } from "./session.js";

/** Options of `mark-applied`: explicit versions, or every pending one up to `to`. */
export interface MarkOptions extends WriteOptions {
  readonly versions?: readonly string[];
  readonly to?: string;
}

/** What `mark-applied`/`unmark` did. */
export interface MarkResult {
  readonly context: string;
  readonly versions: readonly string[];
  readonly dryRun: boolean;
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Records migrations as applied without running them. */
export async function markApplied(options: MarkOptions): Promise<MarkResult> {
  const dryRun = options.dryRun ?? false;
  requireSelection(options, "mark-applied");
  return withSession(options, { lock: !dryRun, create: true }, async (session) => {
    const set = readMigrations(session);
    const rows = await session.history.read();
    const report = computeStatus(set, rows);
    const pending = report.migrations.filter((m) => m.version !== null && m.file && (m.state === "pending" || m.state === "ignored"));
    let chosen;
    if (options.to !== undefined) {
      const to = findVersion(set, options.to, report.current).version;
      chosen = pending.filter((m) => compareVersions(m.file!.version!, to) <= 0);
    } else {
      chosen = options.versions!.map((text) => {
        const v = findVersion(set, text, null).version;
        const m = pending.find((p) => p.version === v.text);
        if (!m) {
          throw new ShaleError("SHALE_E_UNKNOWN_VERSION", `Version ${v.text} is not pending (already applied, or below the baseline)`, {
            hint: "`shale status` shows each migration's state; `shale unmark` removes a record",
          });
        }
        return m;
      });
      // Each version once, oldest first, whatever order the command line gave: recorded as
      // `migrate` would have applied them, so none shows as out-of-order.
      chosen = [...new Set(chosen)].sort((a, b) => compareVersions(a.file!.version!, b.file!.version!));
    }
    // Only once every version is known may the history table be created: a refused run changes nothing.
    const sql: string[] = [];
    await ensureHistory(session, dryRun ? sql : undefined);
    let rank = nextRank(rows);
    for (const m of chosen) {
      const f = m.file!;
      sql.push(
        session.history.insertSql(newHistoryRow(fileIdentity(f, rank++, typeOfFile(f), session.installedBy))),
      );
    }
    if (!dryRun) await session.conn.execAtomic(sql);
    return { context: session.target.context.name, dialect: session.dialect.name, versions: chosen.map((m) => m.version!), dryRun, sql };
  });
}

/** Removes the history records of the given versions (the migrations are not reverted). */
export async function unmark(options: MarkOptions): Promise<MarkResult> {
  const dryRun = options.dryRun ?? false;
  requireSelection(options, "unmark");
  return withSession(options, { lock: !dryRun }, async (session) => {
    const rows = await session.history.read();
    const recorded = rows.filter((r) => r.version !== null && r.type !== "seed");
    let chosen;
    if (options.to !== undefined) {
      const to = parseVersion(options.to);
      if (!to || !recorded.some((r) => r.version === to.text) && to.text !== "0") {
        throw new ShaleError("SHALE_E_UNKNOWN_VERSION", `No recorded migration has the version "${options.to}"`, { hint: "`shale status` lists the recorded versions" });
      }
      chosen = recorded.filter((r) => compareVersions(parseVersion(r.version!)!, to) > 0);
    } else {
      chosen = options.versions!.map((text) => {
        const v = parseVersion(text);
        const row = v && recorded.find((r) => r.version === v.text);
        if (!row) {
          throw new ShaleError("SHALE_E_UNKNOWN_VERSION", `No recorded migration has the version "${text}"`, { hint: "`shale status` lists the recorded versions" });
        }
        return row;
      });
    }
    const sql = chosen.map((r) => session.history.deleteSql(r.installedRank));
    if (!dryRun && sql.length) await session.conn.execAtomic(sql);
    return { context: session.target.context.name, dialect: session.dialect.name, versions: chosen.map((r) => r.version!), dryRun, sql };
  });
}

function requireSelection(options: MarkOptions, command: string): void {
  const count = (options.versions?.length ? 1 : 0) + (options.to !== undefined ? 1 : 0);
  if (count !== 1) {
    throw new ShaleError("SHALE_E_USAGE", `${command} takes versions or --to VERSION (one of the two)`, {
      hint: `For example: shale ${command} 20261121093000, or shale ${command} --to 20261121093000`,
    });
  }
}
