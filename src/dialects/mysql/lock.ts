/** The run lock on MySQL/MariaDB: a named user lock (GET_LOCK) held by the session. */
import { createHash } from "node:crypto";
import { ShaleError } from "../../errors.js";
import type { Connection, HeldLock, LockOptions } from "../dialect.js";

/** The server refuses lock names longer than this (ER_USER_LOCK_WRONG_NAME). */
const MAX_NAME_LENGTH = 64;

/** Takes the lock, waiting up to `timeoutMs`; throws SHALE_E_LOCK_TIMEOUT naming the holder. */
export async function lock(conn: Connection, options: LockOptions): Promise<HeldLock> {
  const name = lockName(options.key);
  // MariaDB honours fractions of a second here; MySQL rounds to whole seconds. A negative
  // timeout would mean "wait forever".
  const seconds = Math.max(0, options.timeoutMs) / 1000;
  const rows = await conn.query<{ got: number | string | null }>("SELECT GET_LOCK(?, ?) AS got", [name, seconds]);
  const got = rows[0]?.got;
  if (got === null || got === undefined) {
    throw new ShaleError("SHALE_E_DB", `The server could not take the lock "${options.key}" on ${conn.url.redacted}`, {
      hint: "GET_LOCK returned NULL: the session was killed or the server ran out of memory",
    });
  }
  if (Number(got) !== 1) throw await timeoutError(conn, options, name);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await conn.query("SELECT RELEASE_LOCK(?)", [name]);
    },
  };
}

/** Lock names are server-wide and at most 64 characters: longer keys are hashed. */
function lockName(key: string): string {
  if (key.length <= MAX_NAME_LENGTH) return key;
  return `shale:${createHash("sha256").update(key).digest("hex").slice(0, MAX_NAME_LENGTH - "shale:".length)}`;
}

interface Holder {
  id: number | string;
  user: string | null;
  host: string | null;
}

async function timeoutError(conn: Connection, options: LockOptions, name: string): Promise<ShaleError> {
  const holders = await conn.query<Holder>(
    `SELECT p.id, p.user, p.host FROM information_schema.processlist p WHERE p.id = IS_USED_LOCK(?)`,
    [name],
  );
  const holder = holders[0];
  const who = holder ? ` It is held by connection ${holder.id} (user ${holder.user ?? "?"} from ${holder.host ?? "?"}).` : "";
  return new ShaleError(
    "SHALE_E_LOCK_TIMEOUT",
    `Gave up after ${options.timeoutMs} ms waiting for the lock "${options.key}" on ${conn.url.redacted}.${who}`,
    {
      hint: holder
        ? `Another run is in progress; wait for it or raise the lock timeout. A stuck session can be ended with KILL ${holder.id}`
        : "Another run is in progress; wait for it or raise the lock timeout",
    },
  );
}
