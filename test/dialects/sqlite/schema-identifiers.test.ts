/**
 * Awkward names through inspect → diff → render → apply on SQLite: quotes of every kind,
 * spaces, reserved words, mixed case, non-ASCII letters (which SQLite compares case-
 * sensitively, unlike ASCII), newlines and very long names; and no SQL gets in through one.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { quoteIdent as q } from "../../../src/dialects/sqlite/quote.js";
import { explicitRenames } from "../../../src/diff/rename-strategy.js";
import { assertSameSchema, inspect, memoryDb, migrate, recreate } from "./schema-support.js";

const LONG = "t".repeat(200) + "_ü".repeat(100);
const NAMES = {
  table: 'we"ird `table` [x] \'q\'',
  select: "select",
  upper: "É",
  lower: "é",
  mixed: "MiXeD Case",
  newline: "line\nbreak",
  injection: 'x"; DROP TABLE victim; --',
  long: LONG,
};

function schemaSql(extra = ""): string {
  const t = q(NAMES.table);
  return `
    CREATE TABLE victim (id integer PRIMARY KEY);
    CREATE TABLE ${t} (
      ${q(NAMES.select)} integer PRIMARY KEY,
      ${q(NAMES.mixed)} text CONSTRAINT ${q("chk " + NAMES.injection)} CHECK (length(${q(NAMES.mixed)}) < 50) COLLATE ${q("NOCASE")},
      ${q(NAMES.newline)} int UNIQUE,
      ${q(NAMES.long)} text DEFAULT 'it''s "quoted"'${extra}
    );
    CREATE TABLE ${q(NAMES.upper)} (id integer PRIMARY KEY, ${q(NAMES.injection)} int CONSTRAINT ${q(NAMES.injection)} REFERENCES ${q(NAMES.table)} (${q(NAMES.select)}));
    CREATE TABLE ${q(NAMES.lower)} (id integer PRIMARY KEY, ref int REFERENCES ${q(NAMES.upper)} (id));
    CREATE INDEX ${q("idx " + NAMES.injection)} ON ${t} (${q(NAMES.mixed)} DESC, lower(${q(NAMES.long)})) WHERE ${q(NAMES.newline)} > 0;
    CREATE VIEW ${q("view " + NAMES.table)} (${q("a b")}) AS SELECT ${q(NAMES.mixed)} FROM ${t};
    CREATE TRIGGER ${q("trg " + NAMES.injection)} AFTER INSERT ON ${t} BEGIN UPDATE victim SET id = id; END;`;
}

describe("SQLite identifiers", () => {
  it("survive inspect, DDL and re-inspection; É and é stay two tables", async () => {
    const conn = await memoryDb(schemaSql());
    try {
      const schema = await inspect(conn);
      assert.deepEqual(
        schema.tables.map((t) => t.name),
        [NAMES.upper, NAMES.table, "victim", NAMES.lower].sort(),
      );
      const table = schema.tables.find((t) => t.name === NAMES.table)!;
      assert.deepEqual(
        table.columns.map((c) => c.name),
        [NAMES.select, NAMES.mixed, NAMES.newline, NAMES.long],
      );
      assert.deepEqual(table.checks, [{ name: `chk ${NAMES.injection}`, expression: `length(${q(NAMES.mixed)}) < 50` }]);
      assert.equal(schema.tables.find((t) => t.name === NAMES.upper)!.foreignKeys[0]!.name, NAMES.injection);
      assert.deepEqual(schema.tables.find((t) => t.name === NAMES.lower)!.foreignKeys[0]!.references, { schema: "", name: NAMES.upper });
      assertSameSchema(await recreate(schema), schema);
    } finally {
      await conn.close();
    }
  });

  it("survive a rebuild and renames, and nothing is injected", async () => {
    const renamed = `${NAMES.table} ${NAMES.long}`;
    const desired = schemaSql(`,\n      ${q(NAMES.injection)} int NOT NULL DEFAULT (1 + 1)`)
      .replace(`${q(NAMES.mixed)} text`, `${q(NAMES.mixed)} varchar(10)`)
      .replaceAll(q(NAMES.table), q(renamed));
    const m = await migrate(schemaSql(), desired, {
      seed: `INSERT INTO victim VALUES (1); INSERT INTO ${q(NAMES.table)} (${q(NAMES.select)}, ${q(NAMES.mixed)}, ${q(NAMES.newline)}) VALUES (7, 'Mixed', 3);
        INSERT INTO ${q(NAMES.upper)} VALUES (1, 7);`,
      diff: { renames: explicitRenames({ tables: [{ from: { schema: "", name: NAMES.table }, to: { schema: "", name: renamed } }] }) },
    });
    assert.ok(m.statements.some((s) => s.sql.startsWith(`ALTER TABLE ${q(NAMES.table)} RENAME TO ${q(renamed)}`)));
    assert.ok(m.statements.some((s) => s.sql.startsWith(`CREATE TABLE ${q("_shale_new_" + renamed)}`)));
    assert.deepEqual(await m.conn.query("SELECT id FROM victim"), [{ id: 1 }]);
    assert.deepEqual(await m.conn.query(`SELECT ${q(NAMES.mixed)} AS m, ${q(NAMES.injection)} AS i FROM ${q(renamed)}`), [{ m: "Mixed", i: 2 }]);
    await assert.rejects(m.conn.exec(`INSERT INTO ${q(NAMES.upper)} VALUES (2, 8)`), /FOREIGN KEY constraint failed/);
  });
});
