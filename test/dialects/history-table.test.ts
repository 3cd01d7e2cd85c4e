/** The history table's DDL and existence check on every dialect. */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { HISTORY_COLUMNS } from "../../src/migrate/history.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";

describeEachDialect("history table", (dialectName) => {
  let db: TestDatabase;
  let dialect: Dialect;
  let conn: Connection;

  before(async () => {
    db = await createTestDatabase(dialectName);
    dialect = await loadDialect(dialectName);
    conn = await connectTestDatabase(db);
  });
  after(async () => {
    await conn?.close();
    await db?.drop();
  });

  it("names the schema unqualified names land in", async () => {
    const expected = { postgres: "public", mysql: new URL(db.url).pathname.slice(1), sqlite: "main" }[dialectName];
    assert.equal(await dialect.defaultSchema(conn), expected);
  });

  it("is created once, by DDL that can run again, and then found", async () => {
    const table = { name: "shale_history" };
    assert.equal(await dialect.historyTableExists(conn, table), false);
    for (let run = 0; run < 2; run += 1) {
      for (const statement of dialect.historyTableDdl(table)) await conn.exec(statement);
    }
    assert.equal(await dialect.historyTableExists(conn, table), true);
    assert.equal(await dialect.historyTableExists(conn, { schema: await dialect.defaultSchema(conn), name: "shale_history" }), true);
    assert.equal(await dialect.historyTableExists(conn, { name: "other_history" }), false);
  });

  it("holds the columns the history store reads and writes", async () => {
    const table = { name: "cols_history" };
    for (const statement of dialect.historyTableDdl(table)) await conn.exec(statement);
    await conn.exec(
      `INSERT INTO cols_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
       VALUES (1, NULL, ${dialect.literal("seed it's")}, 'repeatable', 'R__seed.sql', ${dialect.literal("a".repeat(64))}, 'me', 12, ${dialect.literal(true)})`,
    );
    const rows = await conn.query<Record<string, unknown>>("SELECT * FROM cols_history");
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...HISTORY_COLUMNS]);
    const installedOn = rows[0]?.installed_on;
    const at = installedOn instanceof Date ? installedOn : new Date(`${String(installedOn).replace(" ", "T")}Z`);
    assert.ok(Math.abs(at.getTime() - Date.now()) < 60_000, `installed_on defaults to now, in UTC: ${String(installedOn)}`);
  });

  if (dialectName === "postgres") {
    it("creates the history table's schema when it is named", async () => {
      const table = { schema: "Audit Trail", name: "shale_history" };
      assert.equal(await dialect.historyTableExists(conn, table), false);
      for (const statement of dialect.historyTableDdl(table)) await conn.exec(statement);
      assert.equal(await dialect.historyTableExists(conn, table), true);
    });
  }
});
