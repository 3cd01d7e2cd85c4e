/** The run lock on PostgreSQL: a session-level advisory lock on a key hashed from the lock name. */
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ShaleError } from "../../errors.js";
import type { Connection, HeldLock, LockOptions } from "../dialect.js";

/** Takes the advisory lock, polling until `timeoutMs`; throws SHALE_E_LOCK_TIMEOUT naming the holder. */
export async function lock(conn: Connection, options: LockOptions): Promise<HeldLock> {
  const key = advisoryKey(options.key);
  const deadline = Date.now() + options.timeoutMs;
  // lock_timeout does not apply to advisory locks, and a blocking pg_advisory_lock could not
  // be abandoned at the deadline: poll the non-blocking form instead.
  let pause = 25;
  for (;;) {
    const rows = await conn.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (rows[0]?.locked) return heldLock(conn, key);
    const left = deadline - Date.now();
    if (left <= 0) throw await timeoutError(conn, options, key);
    await sleep(Math.min(pause, left));
    pause = Math.min(pause * 2, 200);
  }
}

/** The first 8 bytes of SHA-256 of the name, as the signed bigint advisory locks take. */
function advisoryKey(name: string): string {
  return createHash("sha256").update(name).digest().readBigInt64BE(0).toString();
}

function heldLock(conn: Connection, key: string): HeldLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await conn.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
    },
  };
}

interface Holder {
  pid: number;
  usename: string | null;
  application_name: string | null;
  client_addr: string | null;
  backend_start: Date | null;
}

async function timeoutError(conn: Connection, options: LockOptions, key: string): Promise<ShaleError> {
  const holder = await findHolder(conn, key);
  const who = holder
    ? ` It is held by server process ${holder.pid} (user ${holder.usename ?? "?"}, application "${holder.application_name ?? ""}"` +
      `${holder.client_addr ? `, from ${holder.client_addr}` : ""}${holder.backend_start ? `, connected since ${holder.backend_start.toISOString()}` : ""}).`
    : "";
  return new ShaleError(
    "SHALE_E_LOCK_TIMEOUT",
    `Gave up after ${options.timeoutMs} ms waiting for the lock "${options.key}" on ${conn.url.redacted}.${who}`,
    {
      hint: holder
        ? `Another run is in progress; wait for it or raise the lock timeout. A stuck session can be ended with SELECT pg_terminate_backend(${holder.pid})`
        : "Another run is in progress; wait for it or raise the lock timeout",
    },
  );
}

/** A bigint advisory lock shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1. */
async function findHolder(conn: Connection, key: string): Promise<Holder | undefined> {
  const unsigned = BigInt.asUintN(64, BigInt(key));
  const rows = await conn.query<Holder>(
    `SELECT a.pid, a.usename, a.application_name, a.client_addr::text AS client_addr, a.backend_start
     FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
       AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid
       AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
     LIMIT 1`,
    [(unsigned >> 32n).toString(), (unsigned & 0xffffffffn).toString()],
  );
  return rows[0];
}
