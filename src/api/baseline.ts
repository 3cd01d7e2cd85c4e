/** `baseline --version V`: marks an existing database as being at V, so older files are skipped. */
import { ShaleError } from "../errors.js";
import { newHistoryRow, nextRank } from "../migrate/history.js";
import { parseVersion } from "../migrate/version.js";
import { ensureHistory } from "./checks.js";
import { withSession, type WriteOptions } from "./session.js";

/** Options of `baseline`. */
export interface BaselineOptions extends WriteOptions {
  /** The version the database is at (default 1). */
  readonly version?: string;
  readonly description?: string;
}

/** What `baseline` did. */
export interface BaselineResult {
  readonly context: string;
  readonly version: string;
  readonly dryRun: boolean;
  readonly sql: readonly string[];
}

/** Records a baseline entry in an empty history table. */
export async function baseline(options: BaselineOptions = {}): Promise<BaselineResult> {
  const text = options.version ?? "1";
  const version = parseVersion(text);
  if (!version) {
    throw new ShaleError("SHALE_E_USAGE", `"${text}" is not a version`, { hint: "A version is digits separated by . or _, for example 1 or 2026.1" });
  }
  const dryRun = options.dryRun ?? false;
  return withSession(options, { lock: !dryRun }, async (session) => {
    const sql: string[] = [];
    await ensureHistory(session, dryRun ? sql : undefined);
    const rows = await session.history.read();
    const applied = rows.filter((r) => r.version !== null && r.type !== "seed");
    if (applied.length) {
      const last = applied[applied.length - 1]!;
      throw new ShaleError("SHALE_E_BASELINE", `Cannot baseline: ${session.history.qualified} already records migrations (latest ${last.script})`, {
        hint: "A baseline starts the history of a database that has none; use `shale status` to see where this one is",
      });
    }
    const description = options.description ?? "<< baseline >>";
    const insert = session.history.insertSql(
      newHistoryRow({ installedRank: nextRank(rows), version: version.text, description, type: "baseline", script: description, checksum: null, installedBy: session.installedBy }),
    );
    if (dryRun) sql.push(insert);
    else await session.conn.exec(insert);
    return { context: session.target.context.name, version: version.text, dryRun, sql };
  });
}
