/** Connection failures become ShaleErrors with the right code, and never show the password. */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { isShaleError, type ErrorCode } from "../../src/errors.js";
import { loadDialect } from "../../src/dialects/load.js";
import { parseDatabaseUrl, type DialectName } from "../../src/dialects/url.js";
import { describeEachDialect, mysqlAdminUrl, pgAdminUrl } from "../support/databases.js";

const SECRET = "Zq8-wrong-PASSWORD-7xK";

/** The admin URL of the dialect's server with some parts replaced. */
function serverUrl(dialect: "postgres" | "mysql", parts: { user?: string; password?: string; port?: string; host?: string; database?: string }): string {
  const url = new URL(dialect === "postgres" ? pgAdminUrl() : mysqlAdminUrl());
  if (parts.user !== undefined) url.username = parts.user;
  if (parts.password !== undefined) url.password = parts.password;
  if (parts.port !== undefined) url.port = parts.port;
  if (parts.host !== undefined) url.hostname = parts.host;
  if (parts.database !== undefined) url.pathname = `/${parts.database}`;
  return url.toString();
}

/** Connects to `url`, expects a ShaleError with `code`, and checks the password shows nowhere. */
async function expectConnectError(dialect: DialectName, url: string, code: ErrorCode, password?: string): Promise<Error> {
  const parsed = parseDatabaseUrl(url);
  const connector = await loadDialect(dialect);
  let caught: unknown;
  try {
    const conn = await connector.connect(parsed);
    await conn.close();
  } catch (err) {
    caught = err;
  }
  assert.ok(isShaleError(caught), `expected a ShaleError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.ok(caught.message.includes(parsed.redacted), `the message names the redacted URL: ${caught.message}`);
  assert.ok(caught.hint, "a hint is given");
  if (password) {
    const cause = caught.cause instanceof Error ? `${caught.cause.message}\n${caught.cause.stack ?? ""}` : String(caught.cause);
    for (const text of [caught.message, caught.hint ?? "", cause, JSON.stringify(caught.toJSON()), String(caught.stack)]) {
      assert.ok(!text.includes(password), `the password leaked into: ${text}`);
    }
  }
  return caught;
}

describeEachDialect("connection errors", (dialect) => {
  if (dialect === "sqlite") {
    it("reports a file in a missing folder as SHALE_E_CONNECT naming the path", async () => {
      const dir = await mkdtemp(join(tmpdir(), "shale-t-"));
      try {
        const file = join(dir, "no", "such", "folder", "app.db");
        const err = await expectConnectError("sqlite", `sqlite:${file}`, "SHALE_E_CONNECT");
        assert.ok(err.message.includes(file));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("reports a file that is not a database as SHALE_E_CONNECT", async () => {
      const dir = await mkdtemp(join(tmpdir(), "shale-t-"));
      try {
        await expectConnectError("sqlite", `sqlite:${dir}`, "SHALE_E_CONNECT");
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it("opens an in-memory database", async () => {
      const conn = await (await loadDialect("sqlite")).connect(parseDatabaseUrl("sqlite::memory:"));
      assert.deepEqual(await conn.query("SELECT 1 AS one"), [{ one: 1 }]);
      await conn.close();
    });
    return;
  }

  it("reports a refused connection as SHALE_E_CONNECT", async () => {
    await expectConnectError(dialect, serverUrl(dialect, { port: "1", password: SECRET }), "SHALE_E_CONNECT", SECRET);
  });

  it("reports an unknown host as SHALE_E_CONNECT", async () => {
    await expectConnectError(dialect, serverUrl(dialect, { host: "no-such-host.invalid", password: SECRET }), "SHALE_E_CONNECT", SECRET);
  });

  it("reports a missing database as SHALE_E_DATABASE_NOT_FOUND without the password", async () => {
    const err = await expectConnectError(
      dialect,
      serverUrl(dialect, { database: "shale_no_such_db", password: dialect === "postgres" ? SECRET : "" }),
      "SHALE_E_DATABASE_NOT_FOUND",
      SECRET,
    );
    assert.match(err.message, /shale_no_such_db/);
  });

  it("reports a refused login as SHALE_E_AUTH without the password", async () => {
    // PostgreSQL here trusts every password, so an unknown role is what it refuses.
    const parts = dialect === "postgres" ? { user: "shale_no_such_role", password: SECRET } : { password: SECRET };
    await expectConnectError(dialect, serverUrl(dialect, parts), "SHALE_E_AUTH", SECRET);
  });
});
