/** The history table's DDL and existence check on every dialect. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Dialect } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { HISTORY_COLUMNS } from "../../src/migrate/history.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";

describeEachDialect("history table", (dialectName) => {
  const fx = useDatabaseProject(dialectName);
  let dialect: Dialect;
  before(async () => {
    dialect = await loadDialect(dialectName);
  });

  it("names the schema unqualified names land in", async () => {
    const expected = { postgres: "public", mysql: new URL(fx.db.url).pathname.slice(1), sqlite: "main" }[dialectName];
    assert.equal(await dialect.defaultSchema(fx.conn), expected);
  });

  it("is created once, by DDL that can run again, and then found", async () => {
    const table = { name: "shale_history" };
    assert.equal(await dialect.historyTableExists(fx.conn, table), false);
    for (let run = 0; run < 2; run += 1) {
      for (const statement of dialect.historyTableDdl(table)) await fx.conn.exec(statement);
    }
    assert.equal(await dialect.historyTableExists(fx.conn, table), true);
    assert.equal(await dialect.historyTableExists(fx.conn, { schema: await dialect.defaultSchema(fx.conn), name: "shale_history" }), true);
    assert.equal(await dialect.historyTableExists(fx.conn, { name: "other_history" }), false);
  });

  it("holds the columns the history store reads and writes", async () => {
    const table = { name: "cols_history" };
    for (const statement of dialect.historyTableDdl(table)) await fx.conn.exec(statement);
    await fx.conn.exec(
      `INSERT INTO cols_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
       VALUES (1, NULL, ${dialect.literal("seed it's")}, 'repeatable', 'R__seed.sql', ${dialect.literal("a".repeat(64))}, 'me', 12, ${dialect.literal(true)})`,
    );
    const rows = await fx.conn.query<Record<string, unknown>>("SELECT * FROM cols_history");
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...HISTORY_COLUMNS]);
    const installedOn = rows[0]?.installed_on;
    const at = installedOn instanceof Date ? installedOn : new Date(`${String(installedOn).replace(" ", "T")}Z`);
    assert.ok(Math.abs(at.getTime() - Date.now()) < 60_000, `installed_on defaults to now, in UTC: ${String(installedOn)}`);
  });

  if (dialectName === "postgres") {
    it("creates the history table's schema when it is named", async () => {
      const table = { schema: "Audit Trail", name: "shale_history" };
      assert.equal(await dialect.historyTableExists(fx.conn, table), false);
      for (const statement of dialect.historyTableDdl(table)) await fx.conn.exec(statement);
      assert.equal(await dialect.historyTableExists(fx.conn, table), true);
    });
  }
});
