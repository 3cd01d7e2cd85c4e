/**
 * The case runner on SQLite (no server needed): it passes a case the engine handles, and
 * it fails, skips and categorises when it should, including with a deliberately broken engine.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Dialect, SchemaSupport } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import type { CorpusCase } from "./loader.js";
import { loadSql } from "./load-sql.js";
import { runCase } from "./run.js";
import type { ServerInfo } from "./select.js";
import { freshDatabase } from "./servers.js";

const SERVER: ServerInfo = { dialect: "sqlite", version: "3.40.0", flavors: [] };

function makeCase(current: string, desired: string, extra: Partial<CorpusCase> = {}): CorpusCase {
  return { dialect: "sqlite", file: "sqlite3def/tests_unit.yml", name: "Unit", current, desired, enableDrop: true, offline: false, managedRoles: [], manage: [], ...extra };
}

const ADD_COLUMN = makeCase("CREATE TABLE users (id integer PRIMARY KEY);\n", "CREATE TABLE users (id integer PRIMARY KEY, name text);\n");

/** The SQLite dialect with parts of its schema engine replaced. */
async function sqliteWith(parts: Partial<SchemaSupport>): Promise<Dialect> {
  const dialect = await loadDialect("sqlite");
  assert.ok(dialect.schema, "the SQLite schema engine is present");
  return { ...dialect, schema: { ...dialect.schema, ...parts } };
}

describe("runCase on SQLite", () => {
  it("passes a case that converges both ways", async () => {
    const result = await runCase(ADD_COLUMN, await loadDialect("sqlite"), SERVER);
    assert.equal(result.status, "pass", JSON.stringify(result));
  });

  it("fails with the changes left when the rendered DDL does nothing", async () => {
    const result = await runCase(ADD_COLUMN, await sqliteWith({ render: () => [] }), SERVER);
    assert.equal(result.status, "fail");
    assert.ok(result.status === "fail" && result.category.startsWith("residual: "), JSON.stringify(result));
    assert.match(result.status === "fail" ? result.detail : "", /^up: .*users/);
  });

  it("fails with the server's words when the DDL cannot be applied", async () => {
    const result = await runCase(ADD_COLUMN, await sqliteWith({ render: () => [{ sql: "ALTER TABLE nowhere ADD COLUMN x int", steps: [0], destructive: false }] }), SERVER);
    assert.equal(result.status, "fail");
    assert.equal(result.status === "fail" && result.category, "apply error [SQLITE_ERROR]: no such table: nowhere");
    assert.match(result.status === "fail" ? result.detail : "", /^up: ALTER TABLE nowhere/);
  });

  it("fails when inspecting throws", async () => {
    const result = await runCase(ADD_COLUMN, await sqliteWith({ inspect: () => Promise.reject(new Error("catalog gone")) }), SERVER);
    assert.deepEqual(result.status === "fail" && [result.category, result.detail], ["inspect error: catalog gone", "current: catalog gone"]);
  });

  it("skips a case whose DDL the server refuses, with the server's message", async () => {
    const result = await runCase(makeCase("CREATE TABLE t (a int);", "CREATE TABLEX t (a int);"), await loadDialect("sqlite"), SERVER);
    assert.equal(result.status, "skip");
    assert.match(result.status === "skip" ? result.reason : "", /^server refused desired: .*syntax error/);
  });

  it("skips a case the selection rules out, before touching a database", async () => {
    const result = await runCase(makeCase("", "", { offline: true }), await sqliteWith({ inspect: () => Promise.reject(new Error("not reached")) }), SERVER);
    assert.deepEqual(result, { status: "skip", reason: "offline case: needs a SQL parser, no database" });
  });
});

describe("loadSql", () => {
  it("loads statements written before what they depend on", async () => {
    const dialect = await loadDialect("sqlite");
    const db = await freshDatabase(dialect);
    try {
      const outcome = await loadSql(dialect, db.conn, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;\nCREATE TABLE t (a int);\n");
      assert.deepEqual(outcome, { ok: true });
      const rows = await db.conn.query<{ name: string }>("SELECT name FROM sqlite_schema ORDER BY name");
      assert.deepEqual(rows.map((r) => r.name), ["t", "tr"]);
    } finally {
      await db.dispose();
    }
  });

  it("reports the first refusal when no pass makes progress", async () => {
    const dialect = await loadDialect("sqlite");
    const db = await freshDatabase(dialect);
    try {
      const outcome = await loadSql(dialect, db.conn, "CREATE TABLE ok (a int);\nCREATE INDEX i ON missing (a);\n");
      assert.equal(outcome.ok, false);
      assert.match(!outcome.ok && outcome.by === "server" ? outcome.message : "", /no such table: main.missing/);
    } finally {
      await db.dispose();
    }
  });
});
