/**
 * Planner ordering of what depends on what beyond tables: routines among the types (or after
 * the tables their checked bodies read), domains over domains, partitions after their parent,
 * foreign keys of dropped tables, triggers and views around re-created routines, what an enum
 * rebuild drags along, and MySQL's foreign keys that must keep an index. Pure IR.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Change } from "../../src/diff/changes.js";
import { diff } from "../../src/diff/differ.js";
import { explicitRenames } from "../../src/diff/rename-strategy.js";
import { ShaleError } from "../../src/errors.js";
import { PHASES } from "../../src/plan/phases.js";
import { plan } from "../../src/plan/planner.js";
import type { Plan } from "../../src/plan/types.js";
import { mysqlSchema } from "../../src/dialects/mysql/schema.js";
import { postgresSchema } from "../../src/dialects/postgres/schema.js";
import type { ColumnType, Domain, Routine, Schema } from "../../src/schema/types.js";
import { check, col, entity, enumType, fk, idx, qn, routine, schema, table, trigger, view } from "../support/ir.js";

const PG = postgresSchema.planCapabilities;
const MYSQL = mysqlSchema.planCapabilities;

function planOf(from: Schema, to: Schema, caps = PG, options = {}): Plan {
  return plan(diff(from, to, options), from, to, caps);
}

function nameOf(c: Change): string {
  switch (c.kind) {
    case "create-table":
    case "drop-table":
      return c.table.name;
    case "create-enum":
    case "drop-enum":
      return c.enum.name;
    case "rebuild-enum":
      return c.to.name;
    case "create-domain":
    case "drop-domain":
      return c.domain.name;
    case "create-routine":
    case "drop-routine":
      return `${c.routine.name}(${c.routine.signature})`;
    case "replace-routine":
      return `${c.to.name}(${c.to.signature})`;
    case "create-view":
    case "drop-view":
      return c.view.name;
    case "create-trigger":
    case "drop-trigger":
      return c.trigger.name;
    case "add-foreign-key":
    case "drop-foreign-key":
      return `${c.table.name}.${c.foreignKey.name}`;
    case "add-check":
    case "drop-check":
      return `${c.table.name}.${c.check.name ?? ""}`;
    case "create-index":
    case "drop-index":
      return `${c.table.name}.${c.index.name}`;
    case "drop-primary-key":
    case "add-primary-key":
    case "add-column":
    case "drop-column":
      return c.table.name;
    default:
      return "";
  }
}

const labels = (p: Plan): string[] => p.steps.map((s) => `${s.change.kind} ${nameOf(s.change)}`.trim());

function assertPhasesInOrder(p: Plan): void {
  const ranks = p.steps.map((s) => PHASES.indexOf(s.phase));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), "steps run phase by phase");
}

const named = (name: string): ColumnType => ({ kind: "named", ...qn(name) });

function domain(name: string, type: ColumnType, extra: Partial<Domain> = {}): Domain {
  return { ...qn(name), type, nullable: true, checks: [], ...extra };
}

/** A function as pg_get_functiondef prints it. */
function fn(name: string, args: string, returns: string, language: "sql" | "plpgsql", body: string): Routine {
  return {
    ...qn(name),
    kind: "function",
    signature: args,
    definition: `CREATE OR REPLACE FUNCTION public.${name}(${args})\n RETURNS ${returns}\n LANGUAGE ${language}\nAS $function$${body}$function$`,
  };
}

// An enum, a domain over it whose check calls a function taking the enum, a function a table's
// default calls, a SQL function reading that table, a view calling it, and a PL/pgSQL function
// reading the table.
const layered = schema({
  enums: [enumType("mood", ["ok", "bad"])],
  domains: [domain("good_mood", named("mood"), { checks: [check("is_fine(VALUE)", "fine")] })],
  routines: [
    fn("is_fine", "m mood", "boolean", "plpgsql", "BEGIN RETURN m = 'ok'; END"),
    fn("next_code", "", "text", "sql", "SELECT 'x'"),
    fn("count_items", "", "bigint", "sql", "SELECT count(*) FROM items"),
    fn("audit", "", "trigger", "plpgsql", "BEGIN INSERT INTO items DEFAULT VALUES; RETURN NEW; END"),
  ],
  tables: [entity("items", [col("code", "text", { default: "next_code()" }), col("m", named("good_mood"))])],
  views: [view("totals", "SELECT count_items() AS n")],
});

test("routines are created among the types, after what they take and before what calls them; checked bodies wait for their tables", () => {
  const p = planOf(schema(), layered);
  assert.deepEqual(labels(p), [
    "create-enum mood",
    "create-routine audit()",
    "create-routine is_fine(m mood)",
    "create-domain good_mood",
    "create-routine next_code()",
    "create-table items",
    "create-routine count_items()",
    "create-view totals",
  ]);
  assertPhasesInOrder(p);
  assert.equal(p.steps.find((s) => s.change.kind === "create-routine" && s.change.routine.name === "count_items")!.phase, "create-dependants");
});

test("routines are dropped after what calls them and before the types they take", () => {
  const p = planOf(layered, schema());
  assert.deepEqual(labels(p), [
    "drop-view totals",
    "drop-routine count_items()",
    "drop-table items",
    "drop-routine next_code()",
    "drop-domain good_mood",
    "drop-routine is_fine(m mood)",
    "drop-routine audit()",
    "drop-enum mood",
  ]);
  assertPhasesInOrder(p);
});

test("a routine dropped while one of its name is created goes first: a new kind or new parameter names", () => {
  const from = schema({ routines: [fn("g", "a integer", "integer", "sql", "SELECT a")] });
  const to = schema({ routines: [fn("g", "b integer", "integer", "sql", "SELECT b")] });
  assert.deepEqual(labels(planOf(from, to)), ["drop-routine g(a integer)", "create-routine g(b integer)"]);
  const procedure: Routine = { ...from.routines[0]!, kind: "procedure", definition: "CREATE OR REPLACE PROCEDURE public.g(a integer)\n LANGUAGE sql\nAS $procedure$SELECT 1$procedure$" };
  assert.deepEqual(labels(planOf(from, schema({ routines: [procedure] }))), ["drop-routine g(a integer)", "create-routine g(a integer)"]);
});

test("a domain over another domain is created after it and dropped before it, whatever their names", () => {
  const chain = schema({
    enums: [enumType("zz_letters", ["a"])],
    domains: [domain("aa", named("mm")), domain("mm", named("zz_letters")), domain("arr", { kind: "array", element: named("aa") })],
  });
  assert.deepEqual(labels(planOf(schema(), chain)), ["create-enum zz_letters", "create-domain mm", "create-domain aa", "create-domain arr"]);
  assert.deepEqual(labels(planOf(chain, schema())), ["drop-domain arr", "drop-domain aa", "drop-domain mm", "drop-enum zz_letters"]);
});

test("a partition is created after its parent and dropped before it, at any depth", () => {
  const part = (name: string, parent: string) => table(name, [col("k")], { partitioning: { of: { parent: qn(parent), bound: "FOR VALUES IN (1)" } } });
  const tree = schema({ tables: [table("zz", [col("k")], { partitioning: { by: "LIST (k)" } }), part("aa", "zz"), part("a0", "aa")] });
  assert.deepEqual(labels(planOf(schema(), tree)), ["create-table zz", "create-table aa", "create-table a0"]);
  assert.deepEqual(labels(planOf(tree, schema())), ["drop-table a0", "drop-table aa", "drop-table zz"]);
});

test("a dropped table's foreign key is dropped before the key it references (sqldef ForeignKeyWithPrimaryKeyChangeAndDrop)", () => {
  const from = schema({
    tables: [entity("users"), table("taggings", [col("user_id", "integer", { nullable: false }), col("tag", "text")], { foreignKeys: [fk("taggings_user_id_fkey", ["user_id"], "users")] })],
  });
  const to = schema({
    tables: [table("users", [col("user_id", "integer", { nullable: false }), col("name", "text")], { primaryKey: { name: "users_pkey", columns: ["user_id"] } })],
  });
  const steps = labels(planOf(from, to));
  assert.deepEqual(steps.slice(0, 2), ["drop-foreign-key taggings.taggings_user_id_fkey", "drop-primary-key users"]);
  assert.ok(steps.indexOf("drop-table taggings") > steps.indexOf("drop-primary-key users"));
  assert.equal(steps.filter((s) => s.startsWith("add-foreign-key")).length, 0, "the dropped table's key is not added back");
});

test("triggers and views calling a routine that is dropped and created again go around it", () => {
  const t = entity("t");
  const from = schema({
    tables: [t],
    routines: [{ ...routine("tf", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"), signature: "" }],
    triggers: [trigger("t_tf", "t", "CREATE TRIGGER t_tf BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION tf()", { routine: qn("tf") })],
    views: [view("v", "SELECT tf_count(1)"), view("w", "SELECT 1")],
  });
  const to = schema({ ...from, routines: [{ ...from.routines[0]!, kind: "procedure" }] });
  assert.deepEqual(labels(planOf(from, to)), ["drop-trigger t_tf", "drop-routine tf()", "create-routine tf()", "create-trigger t_tf"]);
  const calls = schema({ ...from, triggers: [], views: [view("v", "SELECT g(1)"), view("w", "SELECT 1")], routines: [fn("g", "a integer", "integer", "sql", "SELECT a")] });
  const renamed = schema({ ...calls, routines: [fn("g", "b integer", "integer", "sql", "SELECT b")] });
  assert.deepEqual(labels(planOf(calls, renamed)), ["drop-view v", "drop-routine g(a integer)", "create-routine g(b integer)", "create-view v"]);
});

const mood = named("mood");
const rebuiltFrom = schema({
  enums: [enumType("mood", ["a", "b", "c"])],
  tables: [
    table("t", [col("v", mood)], {
      checks: [check("(v <> 'c'::mood)", "t_not_c"), check("(true)", "t_true")],
      indexes: [idx("t_is_a", [], { parts: [{ expression: "(v = 'a'::mood)" }] }), idx("t_v", ["v"])],
    }),
  ],
  routines: [fn("pick", "m mood", "mood", "sql", "SELECT m"), fn("other", "", "text", "sql", "SELECT 'mood'")],
  views: [view("uses_pick", "SELECT pick('a'::mood) AS p")],
});
const rebuiltTo = schema({ ...rebuiltFrom, enums: [enumType("mood", ["c", "b", "a"])] });

test("an enum rebuild takes along the checks and indexes that cast to it and the routines that take it, with their views", () => {
  const p = planOf(rebuiltFrom, rebuiltTo);
  assert.deepEqual(labels(p), [
    "drop-view uses_pick",
    "drop-routine pick(m mood)",
    "drop-check t.t_not_c",
    "drop-index t.t_is_a",
    "rebuild-enum mood",
    "create-routine pick(m mood)",
    "add-check t.t_not_c",
    "create-index t.t_is_a",
    "create-view uses_pick",
  ]);
  assertPhasesInOrder(p);
});

function assertRefused(from: Schema, to: Schema, pattern: RegExp): void {
  assert.throws(
    () => planOf(from, to),
    (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_UNSUPPORTED_CHANGE" && pattern.test(err.message) && err.hint !== undefined,
  );
}

test("an enum rebuild that cannot carry a dependant is refused up front, naming it", () => {
  const withDomain = (s: Schema): Schema => schema({ ...s, domains: [domain("moods", { kind: "array", element: mood })] });
  assertRefused(withDomain(rebuiltFrom), withDomain(rebuiltTo), /^Cannot rebuild enum public\.mood .*: domain public\.moods is built on it\.$/);
  const defaulted = (s: Schema): Schema => schema({ ...s, tables: [table("u", [col("w", mood, { default: "pick('a'::mood)" })])] });
  assertRefused(defaulted(rebuiltFrom), defaulted(rebuiltTo), /function public\.pick\(m mood\) uses it .* the default of column w of table public\.u calls it/);
});

test("MySQL: with renames in the plan, a kept foreign key whose only index is replaced is dropped and added around it", () => {
  const mysql = (tables: Schema["tables"]): Schema => schema({ tables }, "mysql");
  const parent = table(".p", [col("id")], { primaryKey: { columns: ["id"] } });
  const child = (extra: string, index: string, columns: string[]) =>
    table(".c", [col("id"), col("p_id"), col(extra)], { primaryKey: { columns: ["id"] }, indexes: [idx(index, columns)], foreignKeys: [fk("c_p", ["p_id"], ".p")] });
  const from = mysql([parent, child("x", "c_p_idx", ["p_id"])]);
  const to = mysql([parent, child("y", "c_p_idx2", ["p_id", "id"])]);
  const renames = explicitRenames({ columns: [{ table: qn(".c"), from: "x", to: "y" }] });
  assert.deepEqual(labels(planOf(from, to, MYSQL, { renames })), [
    "drop-foreign-key c.c_p",
    "drop-index c.c_p_idx",
    "rename-column",
    "create-index c.c_p_idx2",
    "add-foreign-key c.c_p",
  ]);
  const plain = mysql([parent, child("y", "c_p_idx", ["p_id"])]);
  assert.deepEqual(labels(planOf(plain, to, MYSQL)), ["drop-index c.c_p_idx", "create-index c.c_p_idx2"], "without renames one ALTER TABLE keeps the key covered");
});
