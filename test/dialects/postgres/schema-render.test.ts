/**
 * The PostgreSQL renderer on hand-built plans: one sample of every change kind, the exact SQL
 * of representative ones, destructive marks, ADD VALUE outside the transaction only when a
 * later statement uses the value, and unsupported changes as coded errors.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CHANGE_KINDS, type Change, type ChangeKind } from "../../../src/diff/changes.js";
import { render } from "../../../src/dialects/postgres/render.js";
import { ShaleError } from "../../../src/errors.js";
import type { Plan } from "../../../src/plan/types.js";
import { emptySchema, type Column, type EnumType, type Index, type Routine, type Schema, type Table, type View } from "../../../src/schema/types.js";

const T = { schema: "app", name: "t" };
const COL: Column = { name: "c", type: { kind: "builtin", name: "integer" }, nullable: true };
const TABLE: Table = { ...T, columns: [COL], uniques: [], foreignKeys: [], checks: [], indexes: [] };
const ENUM: EnumType = { schema: "app", name: "e", values: ["a", "b"] };
const INDEX: Index = { name: "i", unique: false, parts: [{ column: "c" }] };
const VIEW: View = { schema: "app", name: "v", definition: "SELECT 1 AS x", materialized: false, columns: ["x"] };
const ROUTINE: Routine = { schema: "app", name: "f", kind: "function", signature: "", definition: "CREATE OR REPLACE FUNCTION app.f() RETURNS integer LANGUAGE sql AS 'SELECT 1'" };
const SEQ = { schema: "app", name: "s", type: "bigint", start: "1", increment: "1", min: "1", max: "9223372036854775807", cache: "1", cycle: false };
const DOMAIN = { schema: "app", name: "d", type: { kind: "builtin", name: "integer" } as const, nullable: true, checks: [] };
const TRIGGER = { schema: "app", name: "tr", table: T, definition: "CREATE TRIGGER tr BEFORE INSERT ON app.t FOR EACH ROW EXECUTE FUNCTION app.f()" };

/** One sample change of every kind. */
const SAMPLES: Record<ChangeKind, Change> = {
  "create-namespace": { kind: "create-namespace", namespace: { name: "app" } },
  "drop-namespace": { kind: "drop-namespace", namespace: { name: "app" } },
  "alter-namespace": { kind: "alter-namespace", from: { name: "app" }, to: { name: "app", comment: "x" } },
  "create-extension": { kind: "create-extension", extension: { name: "citext", schema: "public" } },
  "drop-extension": { kind: "drop-extension", extension: { name: "citext" } },
  "alter-extension": { kind: "alter-extension", from: { name: "citext", version: "1.5" }, to: { name: "citext", version: "1.6" } },
  "create-enum": { kind: "create-enum", enum: ENUM },
  "drop-enum": { kind: "drop-enum", enum: ENUM },
  "add-enum-values": { kind: "add-enum-values", from: ENUM, to: { ...ENUM, values: ["a", "b", "c"] } },
  "rebuild-enum": { kind: "rebuild-enum", from: ENUM, to: { ...ENUM, values: ["b", "a"] } },
  "alter-enum-comment": { kind: "alter-enum-comment", from: ENUM, to: { ...ENUM, comment: "x" } },
  "create-domain": { kind: "create-domain", domain: DOMAIN },
  "drop-domain": { kind: "drop-domain", domain: DOMAIN },
  "alter-domain": { kind: "alter-domain", from: DOMAIN, to: { ...DOMAIN, nullable: false } },
  "create-sequence": { kind: "create-sequence", sequence: SEQ },
  "drop-sequence": { kind: "drop-sequence", sequence: SEQ },
  "alter-sequence": { kind: "alter-sequence", from: SEQ, to: { ...SEQ, cache: "10" } },
  "create-table": { kind: "create-table", table: TABLE },
  "drop-table": { kind: "drop-table", table: TABLE },
  "rename-table": { kind: "rename-table", from: T, to: { schema: "app", name: "u" } },
  "alter-table": { kind: "alter-table", from: TABLE, to: { ...TABLE, comment: "x" }, what: ["comment"] },
  "add-column": { kind: "add-column", table: T, column: COL },
  "drop-column": { kind: "drop-column", table: T, column: COL },
  "rename-column": { kind: "rename-column", table: T, from: "c", to: "d" },
  "alter-column": { kind: "alter-column", table: T, from: COL, to: { ...COL, nullable: false }, what: ["nullable"] },
  "add-primary-key": { kind: "add-primary-key", table: T, primaryKey: { name: "t_pkey", columns: ["c"] } },
  "drop-primary-key": { kind: "drop-primary-key", table: T, primaryKey: { name: "t_pkey", columns: ["c"] } },
  "add-unique": { kind: "add-unique", table: T, unique: { name: "u", columns: ["c"] } },
  "drop-unique": { kind: "drop-unique", table: T, unique: { name: "u", columns: ["c"] } },
  "add-foreign-key": {
    kind: "add-foreign-key",
    table: T,
    foreignKey: { name: "fk", columns: ["c"], references: T, referencedColumns: ["c"], onDelete: "no action", onUpdate: "no action" },
  },
  "drop-foreign-key": {
    kind: "drop-foreign-key",
    table: T,
    foreignKey: { name: "fk", columns: ["c"], references: T, referencedColumns: ["c"], onDelete: "no action", onUpdate: "no action" },
  },
  "add-check": { kind: "add-check", table: T, check: { name: "ck", expression: "(c > 0)" } },
  "drop-check": { kind: "drop-check", table: T, check: { name: "ck", expression: "(c > 0)" } },
  "alter-constraint-comment": { kind: "alter-constraint-comment", table: T, constraint: { kind: "check", name: "ck" }, to: "x" },
  "create-index": { kind: "create-index", table: T, index: INDEX },
  "drop-index": { kind: "drop-index", table: T, index: INDEX },
  "rename-index": { kind: "rename-index", table: T, from: "i", to: "j" },
  "alter-index": { kind: "alter-index", table: T, from: INDEX, to: { ...INDEX, comment: "x" } },
  "create-view": { kind: "create-view", view: VIEW },
  "drop-view": { kind: "drop-view", view: VIEW },
  "replace-view": { kind: "replace-view", from: VIEW, to: { ...VIEW, definition: "SELECT 2 AS x" } },
  "alter-view-comment": { kind: "alter-view-comment", from: VIEW, to: { ...VIEW, comment: "x" } },
  "create-routine": { kind: "create-routine", routine: ROUTINE },
  "drop-routine": { kind: "drop-routine", routine: ROUTINE },
  "replace-routine": { kind: "replace-routine", from: ROUTINE, to: { ...ROUTINE, definition: ROUTINE.definition.replace("1", "2") } },
  "create-trigger": { kind: "create-trigger", trigger: TRIGGER },
  "drop-trigger": { kind: "drop-trigger", trigger: TRIGGER },
  "alter-trigger-comment": { kind: "alter-trigger-comment", from: TRIGGER, to: { ...TRIGGER, comment: "x" } },
};

function planOf(...changes: Change[]): Plan {
  return { steps: changes.map((change) => ({ change, phase: "alter-tables", destructive: false, irreversible: false })) };
}

function sqlOf(changes: Change[], from: Schema = emptySchema("postgres"), to: Schema = emptySchema("postgres")): string[] {
  return render(planOf(...changes), from, to).map((s) => s.sql);
}

describe("PostgreSQL renderer", () => {
  it("renders every kind of change", () => {
    for (const kind of CHANGE_KINDS) {
      const statements = render(planOf(SAMPLES[kind]), emptySchema("postgres"), emptySchema("postgres"));
      assert.ok(statements.length > 0, `${kind} rendered nothing`);
      assert.ok(statements.every((s) => s.steps[0] === 0));
    }
  });

  it("quotes and qualifies every identifier", () => {
    assert.deepEqual(sqlOf([SAMPLES["create-table"], SAMPLES["create-index"], SAMPLES["add-foreign-key"]]), [
      'CREATE TABLE "app"."t" (\n  "c" integer\n)',
      'CREATE INDEX "i" ON "app"."t" ("c")',
      'ALTER TABLE "app"."t" ADD CONSTRAINT "fk" FOREIGN KEY ("c") REFERENCES "app"."t" ("c") ON UPDATE NO ACTION ON DELETE NO ACTION',
    ]);
    assert.deepEqual(sqlOf([SAMPLES["rename-table"], SAMPLES["rename-column"], SAMPLES["rename-index"]]), [
      'ALTER TABLE "app"."t" RENAME TO "u"',
      'ALTER TABLE "app"."t" RENAME COLUMN "c" TO "d"',
      'ALTER INDEX "app"."i" RENAME TO "j"',
    ]);
  });

  it("comments on constraints and triggers by name on their table, after creating them", () => {
    const pk = { name: "t_pkey", columns: ["c"], comment: "the key" };
    const fk = { name: "t.fk", columns: ["c"], references: T, referencedColumns: ["c"], onDelete: "no action" as const, onUpdate: "no action" as const, comment: "it's" };
    assert.deepEqual(
      sqlOf([
        { kind: "alter-constraint-comment", table: T, constraint: { kind: "unique", name: "u" }, from: "a", to: "b" },
        { kind: "alter-constraint-comment", table: T, constraint: { kind: "check", name: "Ck" }, from: "a" },
        { kind: "alter-trigger-comment", from: { ...TRIGGER, comment: "x" }, to: TRIGGER },
        { kind: "add-primary-key", table: T, primaryKey: pk },
        { kind: "add-foreign-key", table: T, foreignKey: fk },
        { kind: "create-trigger", trigger: { ...TRIGGER, comment: "fires" } },
      ]),
      [
        `COMMENT ON CONSTRAINT "u" ON "app"."t" IS 'b'`,
        'COMMENT ON CONSTRAINT "Ck" ON "app"."t" IS NULL',
        'COMMENT ON TRIGGER "tr" ON "app"."t" IS NULL',
        'ALTER TABLE "app"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("c")',
        `COMMENT ON CONSTRAINT "t_pkey" ON "app"."t" IS 'the key'`,
        'ALTER TABLE "app"."t" ADD CONSTRAINT "t.fk" FOREIGN KEY ("c") REFERENCES "app"."t" ("c") ON UPDATE NO ACTION ON DELETE NO ACTION',
        `COMMENT ON CONSTRAINT "t.fk" ON "app"."t" IS 'it''s'`,
        TRIGGER.definition,
        `COMMENT ON TRIGGER "tr" ON "app"."t" IS 'fires'`,
      ],
    );
    const table: Table = {
      ...TABLE,
      primaryKey: pk,
      uniques: [{ name: "u", columns: ["c"], comment: "one" }],
      checks: [{ name: "ck", expression: "(c > 0)", comment: "two" }, { name: "late", expression: "(c < 9)", notValid: true, comment: "three" }],
      comment: "table",
    };
    assert.deepEqual(sqlOf([{ kind: "create-table", table }]), [
      'CREATE TABLE "app"."t" (\n  "c" integer,\n  CONSTRAINT "t_pkey" PRIMARY KEY ("c"),\n  CONSTRAINT "u" UNIQUE ("c"),\n  CONSTRAINT "ck" CHECK ((c > 0))\n)',
      'ALTER TABLE "app"."t" ADD CONSTRAINT "late" CHECK ((c < 9)) NOT VALID',
      `COMMENT ON TABLE "app"."t" IS 'table'`,
      `COMMENT ON CONSTRAINT "t_pkey" ON "app"."t" IS 'the key'`,
      `COMMENT ON CONSTRAINT "u" ON "app"."t" IS 'one'`,
      `COMMENT ON CONSTRAINT "ck" ON "app"."t" IS 'two'`,
      `COMMENT ON CONSTRAINT "late" ON "app"."t" IS 'three'`,
    ]);
  });

  it("refuses a comment on a constraint it has no name for", () => {
    for (const change of [
      { kind: "alter-constraint-comment", table: T, constraint: { kind: "primary-key" }, to: "x" },
      { kind: "add-check", table: T, check: { expression: "(c > 0)", comment: "x" } },
    ] satisfies Change[]) {
      assert.throws(
        () => sqlOf([change]),
        (err: unknown) =>
          err instanceof ShaleError &&
          err.code === "SHALE_E_UNSUPPORTED_CHANGE" &&
          err.message === "PostgreSQL cannot comment on an unnamed constraint of app.t." &&
          err.hint === "Give the constraint a name (CONSTRAINT name ...), so that COMMENT ON CONSTRAINT can refer to it.",
        change.kind,
      );
    }
  });

  it("marks statements that lose data as destructive whatever the plan says", () => {
    const marks = render(planOf(SAMPLES["drop-table"], SAMPLES["drop-column"], SAMPLES["drop-index"]), emptySchema("postgres"), emptySchema("postgres"));
    assert.deepEqual(
      marks.map((s) => s.destructive),
      [true, true, false],
    );
  });

  it("rebuilds an enum through text, keeping column defaults", () => {
    const from: Schema = {
      ...emptySchema("postgres"),
      enums: [ENUM],
      tables: [{ ...TABLE, columns: [{ name: "v", type: { kind: "named", schema: "app", name: "e" }, nullable: true, default: "'a'::app.e" }] }],
    };
    const to: Schema = { ...from, enums: [{ ...ENUM, values: ["b", "a"] }] };
    assert.deepEqual(sqlOf([SAMPLES["rebuild-enum"]], from, to), [
      'ALTER TYPE "app"."e" RENAME TO "e__shale_old"',
      `CREATE TYPE "app"."e" AS ENUM ('b', 'a')`,
      'ALTER TABLE "app"."t" ALTER COLUMN "v" DROP DEFAULT',
      'ALTER TABLE "app"."t" ALTER COLUMN "v" TYPE "app"."e" USING "v"::text::"app"."e"',
      `ALTER TABLE "app"."t" ALTER COLUMN "v" SET DEFAULT 'a'::app.e`,
      'DROP TYPE "app"."e__shale_old"',
    ]);
    const removing: Change = { kind: "rebuild-enum", from: ENUM, to: { ...ENUM, values: ["a"] } };
    const marks = render(planOf(removing), from, { ...from, enums: [{ ...ENUM, values: ["a"] }] }).map((st) => st.destructive);
    assert.deepEqual(marks, [false, false, false, true, false, false], "only the conversion can lose values");
  });

  it("runs ADD VALUE outside the transaction only when a later statement uses the new value", () => {
    const used: Change = { kind: "add-column", table: T, column: { ...COL, name: "v", type: { kind: "named", schema: "app", name: "e" }, default: "'c'::app.e" } };
    const [alone] = render(planOf(SAMPLES["add-enum-values"]), emptySchema("postgres"), emptySchema("postgres"));
    assert.equal(alone!.noTransaction, undefined);
    const [first] = render(planOf(SAMPLES["add-enum-values"], used), emptySchema("postgres"), emptySchema("postgres"));
    assert.equal(first!.noTransaction, true);
  });

  it("replaces a view in place only when its columns stay", () => {
    assert.deepEqual(sqlOf([SAMPLES["replace-view"]]), ['CREATE OR REPLACE VIEW "app"."v" ("x") AS\nSELECT 2 AS x']);
    const changed: Change = { kind: "replace-view", from: VIEW, to: { ...VIEW, columns: ["y"], definition: "SELECT 2 AS y" } };
    assert.deepEqual(sqlOf([changed]), ['DROP VIEW "app"."v"', 'CREATE VIEW "app"."v" ("y") AS\nSELECT 2 AS y']);
  });

  it("refuses a generated expression it cannot change in place", () => {
    const change: Change = {
      kind: "alter-column",
      table: T,
      from: { ...COL, generated: { expression: "1", stored: true } },
      to: { ...COL, generated: { expression: "2", stored: true } },
      what: ["generated"],
    };
    assert.throws(
      () => sqlOf([change]),
      (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_UNSUPPORTED_CHANGE" && err.hint !== undefined,
    );
  });

  it("changes identity options without restarting the sequence unless its bounds demand it", () => {
    const identity = (options: object): Column => ({ ...COL, nullable: false, identity: { kind: "by-default", ...options } });
    const widen: Change = { kind: "alter-column", table: T, from: identity({}), to: identity({ increment: "2", cache: "5" }), what: ["identity"] };
    assert.deepEqual(sqlOf([widen]), [
      'ALTER TABLE "app"."t" ALTER COLUMN "c" SET INCREMENT BY 2 SET NO MINVALUE SET NO MAXVALUE SET START WITH 1 SET CACHE 5 SET NO CYCLE',
    ]);
    const raise: Change = { kind: "alter-column", table: T, from: identity({}), to: identity({ min: "100" }), what: ["identity"] };
    assert.match(sqlOf([raise])[0]!, /SET MINVALUE 100 .* RESTART WITH 100$/);
  });
});
