/**
 * The SQLite renderer on hand-built plans: the exact SQL of an in-place ALTER and of a
 * table rebuild, the steps each statement carries, and a coded error (never a silent drop)
 * for every change kind SQLite cannot have.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { Change } from "../../../src/diff/changes.js";
import { isShaleError } from "../../../src/errors.js";
import type { Plan } from "../../../src/plan/types.js";
import { emptySchema, type Column, type Schema, type Table } from "../../../src/schema/types.js";

const render = sqliteDialect.schema!.render;
const int = { kind: "builtin", name: "integer" } as const;
const text = { kind: "builtin", name: "text" } as const;

const users: Table = {
  schema: "",
  name: "users",
  columns: [
    { name: "id", type: int, nullable: false },
    { name: "name", type: text, nullable: true },
  ],
  primaryKey: { columns: ["id"] },
  uniques: [],
  foreignKeys: [],
  checks: [],
  indexes: [{ name: "users_name", unique: false, parts: [{ column: "name" }] }],
};

function schemaWith(...tables: Table[]): Schema {
  return { ...emptySchema("sqlite"), tables };
}

function planOf(...changes: Change[]): Plan {
  return { steps: changes.map((change) => ({ change, phase: "alter-tables", destructive: change.kind.startsWith("drop"), irreversible: false })) };
}

describe("SQLite renderer", () => {
  it("adds a nullable column with a constant default in place", () => {
    const email: Column = { name: "email", type: { kind: "builtin", name: "varchar", args: ["80"] }, nullable: true, default: "'none'" };
    const to = schemaWith({ ...users, columns: [...users.columns, email] });
    const out = render(planOf({ kind: "add-column", table: { schema: "", name: "users" }, column: email }), schemaWith(users), to);
    assert.deepEqual(out, [{ sql: `ALTER TABLE "users" ADD COLUMN "email" varchar(80) DEFAULT 'none'`, steps: [0], destructive: false }]);
  });

  it("rebuilds a table for a changed column, carrying all of its steps in every statement", () => {
    const name: Column = { name: "name", type: text, nullable: false, default: "upper('x')" };
    const to = schemaWith({ ...users, columns: [users.columns[0]!, name] });
    const out = render(
      planOf(
        { kind: "alter-column", table: { schema: "", name: "users" }, from: users.columns[1]!, to: name, what: ["nullable", "default"] },
        { kind: "create-index", table: { schema: "", name: "users" }, index: { name: "late", unique: true, parts: [{ expression: "lower(name)" }] } },
      ),
      schemaWith(users),
      to,
    );
    assert.deepEqual(
      out.map((s) => s.sql),
      [
        `CREATE TABLE "_shale_new_users" (\n  "id" integer NOT NULL,\n  "name" text NOT NULL DEFAULT (upper('x')),\n  PRIMARY KEY ("id")\n)`,
        `INSERT INTO "_shale_new_users" ("id", "name") SELECT "id", "name" FROM "users"`,
        `DROP TABLE "users"`,
        `ALTER TABLE "_shale_new_users" RENAME TO "users"`,
        `CREATE INDEX "users_name" ON "users" ("name")`,
      ],
    );
    assert.ok(out.every((s) => s.steps.join() === "0,1"));
    assert.match(out[0]!.comment ?? "", /rebuilds table users/);
  });

  it("renames an index by dropping and creating it", () => {
    const renamed = { ...users, indexes: [{ ...users.indexes[0]!, name: "by_name" }] };
    const out = render(planOf({ kind: "rename-index", table: { schema: "", name: "users" }, from: "users_name", to: "by_name" }), schemaWith(users), schemaWith(renamed));
    assert.deepEqual(
      out.map((s) => s.sql),
      [`DROP INDEX "users_name"`, `CREATE INDEX "by_name" ON "users" ("name")`],
    );
  });

  it("fails with SHALE_E_UNSUPPORTED_CHANGE for what SQLite cannot have", () => {
    const unsupported: Change[] = [
      { kind: "create-namespace", namespace: { name: "app" } },
      { kind: "create-extension", extension: { name: "citext" } },
      { kind: "create-enum", enum: { schema: "", name: "mood", values: ["a"] } },
      { kind: "create-domain", domain: { schema: "", name: "d", type: int, nullable: true, checks: [] } },
      {
        kind: "create-sequence",
        sequence: { schema: "", name: "s", type: "bigint", start: "1", increment: "1", min: "1", max: "9", cache: "1", cycle: false },
      },
      { kind: "create-routine", routine: { schema: "", name: "f", kind: "function", signature: "", definition: "CREATE FUNCTION f()" } },
      { kind: "alter-view-comment", from: { schema: "", name: "v", definition: "SELECT 1", materialized: false }, to: { schema: "", name: "v", definition: "SELECT 1", materialized: false, comment: "c" } },
      { kind: "create-view", view: { schema: "", name: "mv", definition: "SELECT 1", materialized: true } },
      { kind: "alter-constraint-comment", table: { schema: "", name: "users" }, constraint: { kind: "check" }, to: "c" },
      {
        kind: "alter-trigger-comment",
        from: { schema: "", name: "tr", table: { schema: "", name: "users" }, definition: "CREATE TRIGGER tr AFTER INSERT ON users BEGIN SELECT 1; END" },
        to: { schema: "", name: "tr", table: { schema: "", name: "users" }, definition: "CREATE TRIGGER tr AFTER INSERT ON users BEGIN SELECT 1; END", comment: "c" },
      },
      { kind: "create-table", table: { ...users, name: "arr", columns: [{ name: "a", type: { kind: "array", element: int }, nullable: true }], primaryKey: undefined, indexes: [] } },
      { kind: "create-table", table: { ...users, name: "bad", columns: [{ name: "a", type: { kind: "builtin", name: "int); DROP TABLE x; --" }, nullable: true }], indexes: [] } },
      { kind: "create-table", table: { ...users, name: "ident", columns: [{ ...users.columns[0]!, identity: { kind: "always" } }], indexes: [] } },
    ];
    for (const change of unsupported) {
      assert.throws(
        () => render(planOf(change), emptySchema("sqlite"), emptySchema("sqlite")),
        (err) => isShaleError(err, "SHALE_E_UNSUPPORTED_CHANGE") && Boolean(err.hint),
        change.kind,
      );
    }
  });
});
