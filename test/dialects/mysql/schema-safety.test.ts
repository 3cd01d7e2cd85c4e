/**
 * What the MySQL renderer must never do quietly: call a data-losing ALTER safe, write an empty
 * or partial ALTER TABLE for a difference it cannot express, put unchecked text into DDL, or
 * write literals that another sql_mode reads differently. Every schema here comes from a real
 * database; the statements run against one.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { diffSchemas } from "../../../src/api/schema-diff.js";
import { ShaleError } from "../../../src/errors.js";
import type { Column, Schema, Table } from "../../../src/schema/types.js";
import { describeEachDialect } from "../../support/databases.js";
import { apply, assertConverged, inspect, my, roundTrip, script, table, withDatabases } from "./schema-helpers.js";

/** The schema with table `t` replaced by `edit(t)`. */
function editTable(schema: Schema, edit: (t: Table) => Table): Schema {
  return { ...schema, tables: schema.tables.map((t) => (t.name === "t" ? edit(t) : t)) };
}

/** The schema with column `name` of table `t` replaced by `edit(column)`. */
function editColumn(schema: Schema, name: string, edit: (c: Column) => Column): Schema {
  return editTable(schema, (t) => ({ ...t, columns: t.columns.map((c) => (c.name === name ? edit(c) : c)) }));
}

/** Requires that diffing `from` to `to` refuses with SHALE_E_UNSUPPORTED_CHANGE, a hint, and a message matching `message`. */
function refused(from: Schema, to: Schema, message: RegExp): void {
  assert.throws(
    () => diffSchemas(my, from, to),
    (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_UNSUPPORTED_CHANGE" && typeof err.hint === "string" && message.test(err.message),
  );
}

describeEachDialect("MySQL renderer safety", (dialect) => {
  if (dialect !== "mysql") return;

  it("marks a column that becomes or stops being VIRTUAL as destructive, whatever the plan step says", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (a INT, s INT AS (a * 2) STORED, p INT)",
      "CREATE TABLE t (a INT, s INT AS (a * 2) VIRTUAL, p INT AS (a * 3) VIRTUAL)",
    );
    assert.equal(d.statements.length, 1, script(d.statements));
    assert.ok(d.statements[0]!.destructive, script(d.statements));
    const asIfSafe = { steps: d.plan.steps.map((step) => ({ ...step, destructive: false })) };
    const rendered = my.schema!.render(asIfSafe, d.from, d.to);
    assert.deepEqual(
      rendered.map((s) => s.destructive),
      [true],
    );
  });

  it("refuses table attributes it cannot change instead of writing an empty ALTER TABLE", async () => {
    await withDatabases(["CREATE TABLE t (id INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"], async ([db]) => {
      const ir = await inspect(db!.conn);
      const without = (...keys: string[]) =>
        editTable(ir, (t) => ({ ...t, attrs: Object.fromEntries(Object.entries(t.attrs ?? {}).filter(([key]) => !keys.includes(key))) }));
      refused(ir, without("mysql.engine"), /remove the mysql\.engine of the table \(table t\)/);
      refused(ir, without("mysql.charset", "mysql.collation"), /remove the mysql\.charset/);
      refused(ir, editTable(ir, (t) => ({ ...t, attrs: { ...t.attrs, "mysql.keyBlockSize": 8 } })), /mysql\.keyBlockSize/);
      refused(editTable(ir, (t) => ({ ...t, attrs: { ...t.attrs, "mysql.autoIncrement": 5 } })), ir, /mysql\.autoIncrement/);
    });
  });

  it("refuses a character set, collation, ON UPDATE or type that is not what MySQL allows there", async () => {
    await withDatabases(["CREATE TABLE t (id INT, s VARCHAR(10), ts TIMESTAMP NULL)"], async ([db]) => {
      const ir = await inspect(db!.conn);
      const injected = "utf8mb4, ADD COLUMN x INT";
      refused(ir, editColumn(ir, "s", (c) => ({ ...c, attrs: { ...c.attrs, "mysql.charset": injected } })), /character set/);
      refused(ir, editColumn(ir, "s", (c) => ({ ...c, collation: injected })), /collation/);
      refused(ir, editColumn(ir, "ts", (c) => ({ ...c, attrs: { ...c.attrs, "mysql.onUpdate": "now(), ADD COLUMN x INT" } })), /ON UPDATE/);
      refused(ir, editColumn(ir, "ts", (c) => ({ ...c, attrs: { ...c.attrs, "mysql.onUpdate": "id + 1" } })), /ON UPDATE/);
      refused(ir, editColumn(ir, "id", (c) => ({ ...c, type: { kind: "builtin", name: "int, ADD COLUMN x INT" } })), /column type/);
      refused(ir, editColumn(ir, "id", (c) => ({ ...c, type: { kind: "builtin", name: "decimal", args: ["10", "2) NULL, ADD COLUMN x INT -- "] } })), /column type/);
      const now = editColumn(ir, "ts", (c) => ({ ...c, attrs: { ...c.attrs, "mysql.onUpdate": "CURRENT_TIMESTAMP(3)" } }));
      assert.match(diffSchemas(my, ir, now).statements[0]!.sql, /ON UPDATE current_timestamp\(3\)/);
    });
  });

  it("converges comments, enum values and defaults holding backslashes and quotes under NO_BACKSLASH_ESCAPES", async () => {
    const target = `CREATE TABLE t (id INT COMMENT 'a\\\\b''c', e ENUM('x\\\\y''z', 'plain') DEFAULT 'x\\\\y''z',
      s VARCHAR(20) DEFAULT 'd\\\\e''f') COMMENT 't\\\\u''v'`;
    await withDatabases(["", "CREATE TABLE t (id INT)", target], async ([empty, old, want]) => {
      const irWant = await inspect(want!.conn);
      assert.equal(table(irWant, "t").comment, "t\\u'v");
      assert.deepEqual(table(irWant, "t").columns[1]!.type, { kind: "enum", values: ["x\\y'z", "plain"] });
      for (const db of [empty!, old!]) {
        await db.conn.exec("SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'");
        const d = diffSchemas(my, await inspect(db.conn), irWant);
        await apply(db.conn, d.statements);
        const [mode] = await db.conn.query<{ mode: string }>("SELECT @@SESSION.sql_mode AS mode");
        assert.equal(mode!.mode, "NO_BACKSLASH_ESCAPES");
        await assertConverged(db.conn, irWant, d);
      }
    });
  });
});
