import assert from "node:assert/strict";
import { test } from "node:test";
import { CHANGE_KINDS, type Change } from "../../src/diff/changes.js";
import { diff } from "../../src/diff/differ.js";
import { explicitRenames } from "../../src/diff/rename-strategy.js";
import { PHASE_OF, PHASES } from "../../src/plan/phases.js";
import { plan } from "../../src/plan/planner.js";
import type { Plan } from "../../src/plan/types.js";
import { postgresSchema } from "../../src/dialects/postgres/schema.js";
import { sqliteSchema } from "../../src/dialects/sqlite/schema.js";
import type { Schema } from "../../src/schema/types.js";
import { col, entity, enumType, fk, idx, qn, richSchema, schema, sequence, table, trigger, view } from "../support/ir.js";

const PG = postgresSchema.planCapabilities;
const SQLITE = sqliteSchema.planCapabilities;

function planOf(from: Schema, to: Schema, caps = PG, options = {}): Plan {
  return plan(diff(from, to, options), from, to, caps);
}

/** A step as "kind name" for compact expectations. */
function label(c: Change): string {
  switch (c.kind) {
    case "create-table":
    case "drop-table":
      return `${c.kind} ${c.table.name}`;
    case "create-view":
    case "drop-view":
      return `${c.kind} ${c.view.name}`;
    case "replace-view":
      return `${c.kind} ${c.to.name}`;
    case "add-foreign-key":
    case "drop-foreign-key":
      return `${c.kind} ${c.table.name}.${c.foreignKey.name}`;
    case "add-column":
    case "drop-column":
      return `${c.kind} ${c.table.name}.${c.column.name}`;
    case "alter-column":
      return `${c.kind} ${c.table.name}.${c.to.name}`;
    case "create-trigger":
    case "drop-trigger":
      return `${c.kind} ${c.trigger.name}`;
    case "alter-sequence":
      return `${c.kind} ${c.to.name} owner=${c.to.ownedBy?.column ?? "none"}`;
    case "create-sequence":
    case "drop-sequence":
      return `${c.kind} ${c.sequence.name} owner=${c.sequence.ownedBy?.column ?? "none"}`;
    default:
      return c.kind;
  }
}

const labels = (p: Plan): string[] => p.steps.map((s) => label(s.change));

test("PHASE_OF lists every change kind once, in phase order", () => {
  assert.deepEqual(Object.keys(PHASE_OF).sort(), [...CHANGE_KINDS].sort());
  const ranks = Object.values(PHASE_OF).map((p) => PHASES.indexOf(p));
  assert.ok(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!)), "kinds are listed phase by phase");
  assert.deepEqual([...new Set(Object.values(PHASE_OF))], [...PHASES]);
});

test("steps run phase by phase", () => {
  const from = schema({
    enums: [enumType("old", ["a"])],
    tables: [entity("a", [col("x", "text")], { indexes: [idx("a_x", ["x"])] }), entity("gone")],
    views: [view("v", "SELECT 1")],
  });
  const to = schema({
    enums: [enumType("fresh", ["a"])],
    tables: [entity("a", [col("y", "text")], { indexes: [idx("a_y", ["y"])] }), entity("b", [col("a_id")], { foreignKeys: [fk("b_a", ["a_id"], "a")] })],
    views: [view("w", "SELECT 2")],
  });
  const p = planOf(from, to);
  assert.deepEqual(
    p.steps.map((s) => `${s.phase}: ${label(s.change)}`),
    [
      "drop-dependants: drop-view v",
      "drop-constraints: drop-index",
      "create-types: create-enum",
      "create-tables: create-table b",
      "alter-tables: add-column a.y",
      "alter-tables: drop-column a.x",
      "drop-tables: drop-table gone",
      "add-constraints: create-index",
      "create-dependants: create-view w",
      "drop-types: drop-enum",
    ],
  );
  const phases = p.steps.map((s) => PHASES.indexOf(s.phase));
  assert.deepEqual(phases, [...phases].sort((x, y) => x - y));
});

// a → b → c → a, and d → a, each by a foreign key; d also references itself.
const cycle = schema({
  tables: [
    entity("c", [col("a_id")], { foreignKeys: [fk("c_a", ["a_id"], "a")] }),
    entity("a", [col("b_id")], { foreignKeys: [fk("a_b", ["b_id"], "b")] }),
    entity("d", [col("a_id"), col("parent")], { foreignKeys: [fk("d_a", ["a_id"], "a"), fk("d_d", ["parent"], "d")] }),
    entity("b", [col("c_id")], { foreignKeys: [fk("b_c", ["c_id"], "c")] }),
  ],
});

test("new tables come in foreign-key order; the key closing a cycle is added after all creates", () => {
  const p = planOf(schema(), cycle);
  assert.deepEqual(labels(p), ["create-table a", "create-table c", "create-table b", "create-table d", "add-foreign-key a.a_b"]);
  const a = p.steps[0]!.change;
  assert.ok(a.kind === "create-table" && a.table.foreignKeys.length === 0, "a_b moved out of CREATE TABLE a");
  const d = p.steps[3]!.change;
  assert.ok(d.kind === "create-table" && d.table.foreignKeys.some((k) => k.name === "d_d"), "a self-reference stays inline");
});

test("without ALTER TABLE ADD FOREIGN KEY (SQLite) a cycle stays inline", () => {
  const p = planOf(schema(), cycle, SQLITE);
  assert.deepEqual(labels(p), ["create-table a", "create-table c", "create-table b", "create-table d"]);
  const a = p.steps[0]!.change;
  assert.ok(a.kind === "create-table" && a.table.foreignKeys.length === 1);
});

test("tables are dropped in reverse foreign-key order, a cycle's closing key dropped first", () => {
  assert.deepEqual(labels(planOf(cycle, schema())), ["drop-foreign-key a.a_b", "drop-table d", "drop-table b", "drop-table c", "drop-table a"]);
  assert.deepEqual(labels(planOf(cycle, schema(), SQLITE)), ["drop-table d", "drop-table b", "drop-table c", "drop-table a"]);
});

test("a new table's key to an existing table whose referenced key is added in this plan waits for it", () => {
  const from = schema({ tables: [table("p", [col("id")])] });
  const to = schema({ tables: [table("p", [col("id")], { primaryKey: { columns: ["id"] } }), entity("c", [col("p_id")], { foreignKeys: [fk("c_p", ["p_id"], "p")] })] });
  assert.deepEqual(labels(planOf(from, to)), ["create-table c", "add-primary-key", "add-foreign-key c.c_p"]);
});

const base = schema({
  tables: [entity("t", [col("a", "integer"), col("b", "text")])],
  views: [
    view("v1", "SELECT a FROM t", { dependsOn: [qn("t")] }),
    view("v2", "SELECT a FROM v1", { dependsOn: [qn("v1")] }),
    view("other", "SELECT 1"),
  ],
  triggers: [trigger("v2_ins", "v2", "CREATE TRIGGER v2_ins INSTEAD OF INSERT ON v2")],
});

test("views reading a column whose type changes are dropped before and created after, with views reading them", () => {
  const to = schema({ ...base, tables: [entity("t", [col("a", "bigint"), col("b", "text")])] });
  const p = planOf(base, to);
  assert.deepEqual(labels(p), [
    "drop-trigger v2_ins",
    "drop-view v2",
    "drop-view v1",
    "alter-column t.a",
    "create-view v1",
    "create-view v2",
    "create-trigger v2_ins",
  ]);
});

test("a trigger comment changes last, unless its view is created again, which brings the new comment", () => {
  const commented = (t: Schema): Schema => ({ ...t, triggers: t.triggers.map((tr) => ({ ...tr, comment: "new" })) });
  const alone = planOf(base, commented(base));
  assert.deepEqual(
    alone.steps.map((s) => [s.phase, label(s.change)]),
    [["comments", "alter-trigger-comment"]],
  );
  const retyped = commented(schema({ ...base, tables: [entity("t", [col("a", "bigint"), col("b", "text")])] }));
  const p = planOf(base, retyped);
  assert.deepEqual(labels(p), ["drop-trigger v2_ins", "drop-view v2", "drop-view v1", "alter-column t.a", "create-view v1", "create-view v2", "create-trigger v2_ins"]);
  const created = p.steps.at(-1)!.change;
  assert.equal(created.kind === "create-trigger" ? created.trigger.comment : undefined, "new");
});

test("a view replaced while its table loses a column becomes drop + create; views without dependsOn are matched by text", () => {
  const from = schema({ tables: [entity("t", [col("a"), col("b")])], views: [view("v", "SELECT a, b FROM t")] });
  const to = schema({ tables: [entity("t", [col("a")])], views: [view("v", "SELECT a FROM t")] });
  assert.deepEqual(labels(planOf(from, to)), ["drop-view v", "drop-column t.b", "create-view v"]);
  const unrelated = schema({ ...to, views: [view("v", "SELECT a, b FROM tt")] });
  assert.deepEqual(labels(planOf(schema({ ...from, views: unrelated.views }), unrelated)), ["drop-column t.b"]);
});

test("created and replaced views come after the views they read", () => {
  const from = schema({ views: [view("a", "SELECT 1 AS x")] });
  const to = schema({
    views: [view("c", "SELECT x FROM b", { dependsOn: [qn("b")] }), view("b", "SELECT x FROM a", { dependsOn: [qn("a")] }), view("a", "SELECT 2 AS x")],
  });
  assert.deepEqual(labels(planOf(from, to)), ["replace-view a", "create-view b", "create-view c"]);
});

test("a foreign key on a column whose type changes is dropped first and added again", () => {
  const from = schema({ tables: [entity("p"), entity("c", [col("p_id")], { foreignKeys: [fk("c_p", ["p_id"], "p")] })] });
  const to = schema({
    tables: [
      { ...entity("p"), columns: [col("id", "bigint", { nullable: false })] },
      entity("c", [col("p_id", "bigint")], { foreignKeys: [fk("c_p", ["p_id"], "p")] }),
    ],
  });
  assert.deepEqual(labels(planOf(from, to)), ["drop-foreign-key c.c_p", "alter-column c.p_id", "alter-column p.id", "add-foreign-key c.c_p"]);
  assert.deepEqual(
    labels(planOf(from, to, SQLITE)),
    ["alter-column c.p_id", "alter-column p.id"],
    "SQLite rebuilds instead",
  );
});

test("a foreign key whose referenced key is dropped and re-created is dropped first and added again", () => {
  const from = schema({ tables: [entity("p"), entity("c", [col("p_id")], { foreignKeys: [fk("c_p", ["p_id"], "p")] })] });
  const to = schema({ tables: [{ ...entity("p"), primaryKey: { name: "p_pk", columns: ["id"] } }, entity("c", [col("p_id")], { foreignKeys: [fk("c_p", ["p_id"], "p")] })] });
  assert.deepEqual(labels(planOf(from, to)), ["drop-foreign-key c.c_p", "drop-primary-key", "add-primary-key", "add-foreign-key c.c_p"]);
});

test("renamed tables: drops of their parts come before the rename, adds after", () => {
  const from = schema({ tables: [entity("t", [col("a")], { indexes: [idx("i", ["a"])] })] });
  const to = schema({ tables: [{ ...entity("u", [col("a")], { indexes: [idx("j", ["a"], { unique: true })] }), primaryKey: { name: "t_pkey", columns: ["id"] } }] });
  const p = planOf(from, to, PG, { renames: explicitRenames({ tables: [{ from: qn("t"), to: qn("u") }] }) });
  assert.deepEqual(
    p.steps.map((s) => [s.change.kind, s.change.kind === "drop-index" || s.change.kind === "create-index" ? s.change.table.name : ""]),
    [
      ["drop-index", "t"],
      ["rename-table", ""],
      ["create-index", "u"],
    ],
  );
});

test("serial sequences: OWNED BY is set once the table exists, and released before the table is dropped", () => {
  const owned = sequence("t_id_seq", { ownedBy: { table: qn("t"), column: "id" } });
  const t = entity("t", [], { columns: [col("id", "integer", { nullable: false, default: "nextval('t_id_seq'::regclass)" })] });
  const full = schema({ sequences: [owned], tables: [t] });
  assert.deepEqual(labels(planOf(schema(), full)), ["create-sequence t_id_seq owner=none", "create-table t", "alter-sequence t_id_seq owner=id"]);
  assert.deepEqual(labels(planOf(full, schema())), ["alter-sequence t_id_seq owner=none", "drop-table t", "drop-sequence t_id_seq owner=id"]);
});

test("destructive and irreversible marks, with warnings", () => {
  const from = schema({
    namespaces: [{ name: "old" }],
    enums: [enumType("e", ["a", "b"]), enumType("gone", ["x"])],
    sequences: [sequence("s")],
    tables: [entity("t", [col("a", "bigint"), col("b", "text"), col("c", "text"), col("w", "integer")]), entity("dropped")],
  });
  const to = schema({
    enums: [enumType("e", ["a"])],
    tables: [entity("t", [col("a", "integer"), col("b", "text", { nullable: false }), col("d", "text", { nullable: false }), col("w", "bigint")])],
  });
  const marks = Object.fromEntries(planOf(from, to).steps.map((s) => [label(s.change), [s.destructive, s.irreversible, s.warning ?? ""]]));
  assert.deepEqual(marks, {
    "rebuild-enum": [true, true, "removes 'b' from enum public.e; rows holding them fail to convert"],
    "add-column t.d": [false, false, "adds NOT NULL column public.t.d without a default; fails if the table has rows"],
    "alter-column t.a": [true, false, "changes public.t.a from bigint to integer; values may be lost or fail to convert"],
    "alter-column t.w": [false, false, ""],
    "alter-column t.b": [false, false, "makes public.t.b NOT NULL; fails if a row holds NULL"],
    "drop-column t.c": [true, true, "drops column public.t.c and its data"],
    "drop-table dropped": [true, true, "drops table public.dropped and all its rows"],
    "drop-sequence s owner=none": [true, false, "drops sequence public.s and its current value"],
    "drop-enum": [true, false, "drops enum type public.gone"],
    "drop-namespace": [true, false, "drops schema old"],
  });
});

test("creating the rich schema from nothing plans every object once, dependants last", () => {
  const rich = richSchema();
  const p = planOf(schema(), rich);
  assert.equal(p.steps.length, diff(schema(), rich).length + 1, "plus OWNED BY after the owning table exists");
  assert.ok(p.steps.every((s) => !s.destructive));
  const kinds = p.steps.map((s) => s.change.kind);
  assert.ok(kinds.indexOf("create-trigger") > kinds.indexOf("create-routine"));
  assert.ok(kinds.lastIndexOf("create-table") < kinds.indexOf("create-view"));
  const tables = p.steps.flatMap((s) => (s.change.kind === "create-table" ? [s.change.table.name] : []));
  assert.deepEqual(tables, ["users", "posts"], "posts references users");
});

test("rebuilding an enum recreates the views over its columns; a view the target lacks is left alone", () => {
  const mood = { kind: "named", schema: "public", name: "mood" } as const;
  const from = schema({
    enums: [enumType("mood", ["ok", "bad"])],
    tables: [entity("t", [col("m", mood)])],
    views: [view("v", "SELECT m FROM t", { dependsOn: [qn("t")] })],
  });
  const to = schema({ ...from, enums: [enumType("mood", ["bad", "ok"])] });
  assert.deepEqual(labels(planOf(from, to)), ["drop-view v", "rebuild-enum", "create-view v"]);
  const filtered = { ...to, views: [] };
  const changes = diff(from, filtered, { filter: { excludeTables: () => false, namespaces: ["public"] } }).filter((c) => c.kind !== "drop-view");
  assert.deepEqual(
    plan(changes, from, filtered, PG).steps.map((s) => label(s.change)),
    ["rebuild-enum"],
  );
});

test("a recreated materialized view brings its indexes with it", () => {
  const mat = (indexes: string[]) => view("m", "SELECT a FROM t", { materialized: true, dependsOn: [qn("t")], indexes: indexes.map((c) => idx(`m_${c}`, [c])) });
  const from = schema({ tables: [entity("t", [col("a")])], views: [mat(["a"])] });
  const to = schema({ tables: [entity("t", [col("a", "text")])], views: [mat(["id"])] });
  const p = planOf(from, to);
  assert.deepEqual(labels(p), ["drop-view m", "alter-column t.a", "create-view m"]);
  const created = p.steps[2]!.change;
  assert.ok(created.kind === "create-view" && created.view.indexes?.[0]?.name === "m_id");
});
