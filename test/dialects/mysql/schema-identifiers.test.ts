/**
 * Names that break naive quoting — backticks, quotes, spaces, reserved words, mixed case,
 * non-ASCII letters, the 64-character maximum — survive inspect → diff → render → apply on
 * MySQL, and no SQL can be injected through a name, a comment or a default.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createSchemaDdl, diffSchemas } from "../../../src/api/schema-diff.js";
import { describeEachDialect } from "../../support/databases.js";
import { apply, assertConverged, inspect, my, withDatabases } from "./schema-helpers.js";

const LONG = `t${"x".repeat(62)}Z`;

const WEIRD = `
CREATE TABLE \`We\`\`ird "Tab'le\` (
  \`select\` INT NOT NULL AUTO_INCREMENT,
  \`Mixed Case\` VARCHAR(20) DEFAULT 'it''s \\\\ "q"' COMMENT 'c''s \`x\`',
  \`ünïcödé_名前\` ENUM('a''b', 'c\`d') NOT NULL,
  \`${LONG}\` INT,
  \`trailing.dot\` INT,
  PRIMARY KEY (\`select\`),
  UNIQUE KEY \`uq "1"\` (\`Mixed Case\`),
  KEY \`ix\`\`tick\` (\`${LONG}\`),
  CONSTRAINT \`chk 'q'\` CHECK (\`${LONG}\` > 0)
) COMMENT='tab''le \\\\ comment';
CREATE TABLE \`order\` (
  \`group\` INT PRIMARY KEY,
  \`ref\` INT,
  CONSTRAINT \`fk \`\` weird\` FOREIGN KEY (\`ref\`) REFERENCES \`We\`\`ird "Tab'le\` (\`select\`)
);
CREATE VIEW \`view "v"\` AS SELECT \`select\` AS \`a\`\`b\` FROM \`We\`\`ird "Tab'le\`;
CREATE TRIGGER \`trig\`\`ger\` BEFORE INSERT ON \`order\` FOR EACH ROW SET NEW.\`ref\` = NEW.\`ref\`;
CREATE FUNCTION \`fn 'x'\`(\`arg\`\`1\` INT) RETURNS INT DETERMINISTIC RETURN \`arg\`\`1\` + 1;
`;

describeEachDialect("MySQL identifiers", (dialect) => {
  if (dialect !== "mysql") return;

  it("keeps quotes, spaces, reserved words, mixed case, non-ASCII and 64-character names through a full round trip", async () => {
    await withDatabases([WEIRD, ""], async ([source, empty]) => {
      const ir = await inspect(source!.conn);
      const names = ir.tables.map((t) => t.name);
      assert.deepEqual(names, ["We`ird \"Tab'le", "order"]);
      assert.deepEqual(
        ir.tables[0]!.columns.map((c) => c.name),
        ["select", "Mixed Case", "ünïcödé_名前", LONG, "trailing.dot"],
      );
      assert.equal(LONG.length, 64);
      assert.deepEqual(ir.tables[0]!.columns[2]!.type, { kind: "enum", values: ["a'b", "c`d"] });
      assert.equal(ir.tables[0]!.comment, "tab'le \\ comment");
      assert.deepEqual(ir.tables[1]!.foreignKeys[0]!.name, "fk ` weird");
      assert.deepEqual(ir.views.map((v) => v.name), ['view "v"']);
      assert.deepEqual(ir.triggers.map((t) => t.name), ["trig`ger"]);
      assert.deepEqual(ir.routines.map((r) => r.name), ["fn 'x'"]);

      const ddl = createSchemaDdl(my, ir);
      await apply(empty!.conn, ddl.statements);
      await assertConverged(empty!.conn, ir, ddl);
      const back = diffSchemas(my, await inspect(empty!.conn), { ...ir, tables: [], views: [], triggers: [], routines: [] });
      await apply(empty!.conn, back.statements);
      assert.deepEqual((await inspect(empty!.conn)).tables, []);
    });
  });

  it("cannot be made to run SQL through a name, a comment or a default", async () => {
    const evil = "x`; DROP TABLE victim; -- '\"";
    await withDatabases(["CREATE TABLE victim (id INT)", "CREATE TABLE victim (id INT)"], async ([target, model]) => {
      const base = await inspect(model!.conn);
      const victim = base.tables[0]!;
      const desired = {
        ...base,
        tables: [
          {
            ...victim,
            name: evil,
            comment: "'); DROP TABLE victim; --",
            columns: [{ name: evil, type: { kind: "builtin" as const, name: "varchar", args: ["40"] }, nullable: true, default: "'a''); DROP TABLE victim; --'", comment: "\\'; DROP TABLE victim; --" }],
            indexes: [{ name: evil, unique: false, parts: [{ column: evil }] }],
          },
          victim,
        ],
      };
      const d = diffSchemas(my, await inspect(target!.conn), my.schema!.normalize(desired));
      await apply(target!.conn, d.statements);
      const after = await inspect(target!.conn);
      assert.deepEqual(
        after.tables.map((t) => t.name),
        ["victim", evil],
      );
      await assertConverged(target!.conn, my.schema!.normalize(desired), d);
    });
  });
});
