/**
 * SQLite databases are files, and opening a missing one creates it. Only the commands that
 * build a database (migrate, baseline, seed, reset, mark-applied) may do that; every other
 * command refuses a missing file, so that a typo in a path is not read as an empty database.
 * A file a command created and left holding nothing of the user's (a dry run, or a run that
 * failed before anything of theirs was committed) is removed again.
 */
import { existsSync, rmSync } from "node:fs";
import type { Connection } from "../dialects/dialect.js";
import type { DatabaseUrl } from "../dialects/url.js";
import { ShaleError } from "../errors.js";

/** The run-lock table the SQLite dialect keeps beside the history table. */
const LOCK_TABLE = "shale_lock";

/** The path of the SQLite file a URL names, or undefined for other dialects and `:memory:`. */
function fileOf(url: DatabaseUrl): string | undefined {
  return url.dialect === "sqlite" && url.file !== undefined && url.file !== ":memory:" ? url.file : undefined;
}

/** Refuses a SQLite URL whose file does not exist: opening it would create it. */
export function requireSqliteFile(url: DatabaseUrl): void {
  const file = fileOf(url);
  if (file === undefined || existsSync(file)) return;
  throw new ShaleError("SHALE_E_DATABASE_NOT_FOUND", `The SQLite database ${file} does not exist`, {
    hint: "Check the path in the URL; `shale migrate` (or baseline, seed, reset, mark-applied) creates a new SQLite database",
  });
}

/** The SQLite file that opening `url` is about to create, or undefined when there is none to create. */
export function sqliteFileToCreate(url: DatabaseUrl): string | undefined {
  const file = fileOf(url);
  return file !== undefined && !existsSync(file) ? file : undefined;
}

/**
 * Whether a database file this command created should go again: when the command failed and
 * the file holds no object but shale's own tables, or when it succeeded without writing at all.
 * Asked before the connection closes; a database that cannot be read is kept.
 */
export async function createdFileUnused(conn: Connection, historyTable: string, failed: boolean): Promise<boolean> {
  try {
    const objects = await conn.query<{ tbl_name: string }>("SELECT tbl_name FROM sqlite_master");
    return failed ? objects.every((o) => o.tbl_name === historyTable || o.tbl_name === LOCK_TABLE) : objects.length === 0;
  } catch {
    return false;
  }
}

/** Removes a database file this command created, with the journal files SQLite may have left. */
export function removeCreatedFile(file: string): void {
  for (const path of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
}
