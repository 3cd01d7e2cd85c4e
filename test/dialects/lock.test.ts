/** The run lock on every dialect: exclusion between connections, waiting, timeouts. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { after, before, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { isShaleError } from "../../src/errors.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";

describeEachDialect("run lock", (dialectName) => {
  let db: TestDatabase;
  let dialect: Dialect;
  let first: Connection;
  let second: Connection;

  before(async () => {
    db = await createTestDatabase(dialectName);
    dialect = await loadDialect(dialectName);
    first = await connectTestDatabase(db);
    second = await connectTestDatabase(db);
  });
  after(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  it("is taken, released and taken again", async () => {
    const held = await dialect.lock(first, { key: "shale:reuse", timeoutMs: 1000 });
    await held.release();
    await held.release();
    const again = await dialect.lock(second, { key: "shale:reuse", timeoutMs: 1000 });
    await again.release();
  });

  it("makes a second connection wait until the first releases it", async () => {
    const held = await dialect.lock(first, { key: "shale:wait", timeoutMs: 1000 });
    const started = Date.now();
    let acquiredAt = 0;
    const waiting = dialect.lock(second, { key: "shale:wait", timeoutMs: 10_000 }).then((lock) => {
      acquiredAt = Date.now();
      return lock;
    });
    await sleep(400);
    assert.equal(acquiredAt, 0, "the second connection must still be waiting");
    await held.release();
    const lock = await waiting;
    assert.ok(acquiredAt - started >= 400);
    await lock.release();
  });

  it("fails with SHALE_E_LOCK_TIMEOUT naming the holder when the wait is over", async () => {
    const held = await dialect.lock(first, { key: "shale:timeout", timeoutMs: 1000 });
    try {
      const started = Date.now();
      await assert.rejects(dialect.lock(second, { key: "shale:timeout", timeoutMs: 300 }), (err) => {
        assert.ok(isShaleError(err, "SHALE_E_LOCK_TIMEOUT"), String(err));
        assert.match(err.message, /shale:timeout/);
        assert.match(err.message, dialectName === "sqlite" ? new RegExp(`process ${process.pid}`) : /held by (server process|connection) \d+/);
        return true;
      });
      const waited = Date.now() - started;
      assert.ok(waited >= 250 && waited < 3000, `waited ${waited} ms`);
    } finally {
      await held.release();
    }
  });

  it("does not block other keys", async () => {
    const a = await dialect.lock(first, { key: "shale:a", timeoutMs: 1000 });
    const b = await dialect.lock(second, { key: "shale:b", timeoutMs: 0 });
    await a.release();
    await b.release();
  });

  it("accepts keys of any length", async () => {
    const key = `shale:${"x".repeat(200)}`;
    const held = await dialect.lock(first, { key, timeoutMs: 1000 });
    await assert.rejects(dialect.lock(second, { key, timeoutMs: 0 }), (err) => isShaleError(err, "SHALE_E_LOCK_TIMEOUT"));
    await held.release();
  });

  if (dialectName === "sqlite") {
    it("takes over a lock left by a process that died on this host", async () => {
      const dead = spawnSync(process.execPath, ["-e", ""]).pid;
      await first.query("INSERT INTO shale_lock (lock_key, pid, hostname, acquired_at) VALUES (?, ?, ?, ?)", [
        "shale:stale",
        dead,
        hostname(),
        "2020-01-01T00:00:00.000Z",
      ]);
      const held = await dialect.lock(second, { key: "shale:stale", timeoutMs: 1000 });
      const rows = await first.query<{ pid: number }>("SELECT pid FROM shale_lock WHERE lock_key = ?", ["shale:stale"]);
      assert.deepEqual(rows.map((r) => r.pid), [process.pid]);
      await held.release();
      assert.deepEqual(await first.query("SELECT pid FROM shale_lock WHERE lock_key = ?", ["shale:stale"]), []);
    });

    it("never takes over a lock held from another host", async () => {
      await first.query("INSERT INTO shale_lock (lock_key, pid, hostname, acquired_at) VALUES (?, ?, ?, ?)", [
        "shale:remote",
        1,
        "some-other-host.example",
        "2020-01-01T00:00:00.000Z",
      ]);
      await assert.rejects(dialect.lock(second, { key: "shale:remote", timeoutMs: 100 }), (err) => {
        assert.ok(isShaleError(err, "SHALE_E_LOCK_TIMEOUT"));
        assert.match(err.message, /some-other-host\.example/);
        return true;
      });
    });

    it("keeps its deadline while another connection holds the write lock", async () => {
      await first.begin();
      await first.exec("CREATE TABLE write_lock_holder (id INTEGER)");
      try {
        const started = Date.now();
        await assert.rejects(dialect.lock(second, { key: "shale:busy", timeoutMs: 300 }), (err) => isShaleError(err, "SHALE_E_LOCK_TIMEOUT"));
        assert.ok(Date.now() - started < 2000);
        const busy = await second.query<{ timeout: number }>("PRAGMA busy_timeout");
        assert.equal(busy[0]?.timeout, 30_000, "the busy timeout is restored");
      } finally {
        await first.rollback();
      }
    });
  }
});
