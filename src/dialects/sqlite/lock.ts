/**
 * The run lock on SQLite. A run commits several transactions, so holding SQLite's write lock
 * cannot span it; instead a row in `shale_lock`, written under the write lock, names the
 * holding process. A row left by a process that died on this host is taken over.
 */
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { ShaleError } from "../../errors.js";
import { StatementFailure, type Connection, type HeldLock, type LockOptions } from "../dialect.js";

/** The table that holds run locks, one row per lock key; `clean` leaves it alone. */
export const LOCK_TABLE = "shale_lock";

/** While trying for the write lock, wait this long at most so the loop keeps its deadline. */
const ATTEMPT_BUSY_MS = 200;

interface LockRow {
  pid: number;
  hostname: string;
  acquired_at: string;
}

/** Takes the lock, waiting up to `timeoutMs`; throws SHALE_E_LOCK_TIMEOUT naming the holder. */
export async function lock(conn: Connection, options: LockOptions): Promise<HeldLock> {
  const me = { pid: process.pid, hostname: hostname() };
  const deadline = Date.now() + options.timeoutMs;
  const busy = await conn.query<{ timeout: number }>("PRAGMA busy_timeout");
  let holder: LockRow | undefined;
  try {
    let pause = 25;
    for (;;) {
      const left = deadline - Date.now();
      await conn.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.min(left, ATTEMPT_BUSY_MS))}`);
      const attempt = await tryTake(conn, options.key, me);
      if (attempt === "taken") break;
      if (attempt !== "busy") holder = attempt;
      if (Date.now() >= deadline) throw timeoutError(conn, options, holder);
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
      pause = Math.min(pause * 2, 200);
    }
  } finally {
    await conn.exec(`PRAGMA busy_timeout = ${Number(busy[0]?.timeout ?? 0)}`);
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await conn.query(`DELETE FROM ${LOCK_TABLE} WHERE lock_key = ? AND pid = ? AND hostname = ?`, [options.key, me.pid, me.hostname]);
    },
  };
}

/** One attempt under the write lock: "taken", the live holder's row, or "busy" (no write lock). */
async function tryTake(conn: Connection, key: string, me: { pid: number; hostname: string }): Promise<"taken" | "busy" | LockRow> {
  try {
    await conn.exec("BEGIN IMMEDIATE");
  } catch (err) {
    if (err instanceof StatementFailure && err.sqlState?.startsWith("SQLITE_BUSY")) return "busy";
    throw err;
  }
  try {
    await conn.exec(
      `CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (lock_key TEXT NOT NULL PRIMARY KEY, pid INTEGER NOT NULL, hostname TEXT NOT NULL, acquired_at TEXT NOT NULL)`,
    );
    const rows = await conn.query<LockRow>(`SELECT pid, hostname, acquired_at FROM ${LOCK_TABLE} WHERE lock_key = ?`, [key]);
    const row = rows[0];
    if (row && !isStale(row)) {
      await conn.exec("COMMIT");
      return row;
    }
    await conn.query(`INSERT OR REPLACE INTO ${LOCK_TABLE} (lock_key, pid, hostname, acquired_at) VALUES (?, ?, ?, ?)`, [
      key,
      me.pid,
      me.hostname,
      new Date().toISOString(),
    ]);
    await conn.exec("COMMIT");
    return "taken";
  } catch (err) {
    await conn.exec("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/** A holder is known dead only when it ran on this host and no process has its pid. */
function isStale(row: LockRow): boolean {
  if (row.hostname !== hostname()) return false;
  try {
    process.kill(row.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function timeoutError(conn: Connection, options: LockOptions, holder: LockRow | undefined): ShaleError {
  const who = holder ? ` It is held by process ${holder.pid} on ${holder.hostname} since ${holder.acquired_at}.` : "";
  return new ShaleError(
    "SHALE_E_LOCK_TIMEOUT",
    `Gave up after ${options.timeoutMs} ms waiting for the lock "${options.key}" on ${conn.url.redacted}.${who}`,
    {
      hint: holder
        ? `Another run is in progress; wait for it or raise the lock timeout. If process ${holder.pid} is gone, delete its row: DELETE FROM ${LOCK_TABLE} WHERE pid = ${holder.pid}`
        : "Another connection holds the database's write lock; wait for it or raise the lock timeout",
    },
  );
}
