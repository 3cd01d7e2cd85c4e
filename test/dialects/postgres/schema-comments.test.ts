/**
 * Comments on constraints (primary key, unique, foreign key, check) and triggers on PostgreSQL:
 * a comment that alone changes is a COMMENT statement, never a drop and an add; a constraint
 * or trigger that is created (with its table, on its own, or again around another change)
 * gets its comment after it. Every case applies the DDL both ways and requires no difference
 * left (converge).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Change } from "../../../src/diff/changes.js";
import { describeEachDialect } from "../../support/databases.js";
import { converge, script, useDatabasePair } from "./schema-helpers.js";

const TF = "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;";

/** A parent and a child table with one constraint of each kind, and a trigger. */
const BASE =
  "CREATE TABLE p (id integer CONSTRAINT p_pkey PRIMARY KEY, code text CONSTRAINT p_code_key UNIQUE);" +
  'CREATE TABLE c (id integer PRIMARY KEY, p_id integer CONSTRAINT c_p_fk REFERENCES p (id), n integer CONSTRAINT "c.n positive" CHECK (n > 0));' +
  `${TF} CREATE TRIGGER c_touch BEFORE UPDATE ON c FOR EACH ROW EXECUTE FUNCTION tf();`;

/** COMMENT statements on every constraint kind and the trigger of BASE, with `word` in each comment. */
function comments(word: string): string {
  return (
    `COMMENT ON CONSTRAINT p_pkey ON p IS 'pk ${word}';` +
    `COMMENT ON CONSTRAINT p_code_key ON p IS 'unique ${word}';` +
    `COMMENT ON CONSTRAINT c_p_fk ON c IS 'fk ${word}';` +
    `COMMENT ON CONSTRAINT "c.n positive" ON c IS 'it''s a check ${word}';` +
    `COMMENT ON TRIGGER c_touch ON c IS 'trigger ${word}';`
  );
}

const P = { schema: "public", name: "p" };
const C = { schema: "public", name: "c" };
const TRIGGER = {
  schema: "public",
  name: "c_touch",
  table: C,
  definition: "CREATE TRIGGER c_touch BEFORE UPDATE ON public.c FOR EACH ROW EXECUTE FUNCTION public.tf()",
  routine: { schema: "public", name: "tf" },
};

/** The changes of going from comments `from` to comments `to` (undefined: no comments). */
function commentChanges(from: string | undefined, to: string | undefined): Change[] {
  const sides = (text: (w: string) => string) => ({
    ...(from !== undefined ? { from: text(from) } : {}),
    ...(to !== undefined ? { to: text(to) } : {}),
  });
  const trigger = (word: string | undefined) => (word === undefined ? TRIGGER : { ...TRIGGER, comment: `trigger ${word}` });
  return [
    { kind: "alter-constraint-comment", table: C, constraint: { kind: "check", name: "c.n positive" }, ...sides((w) => `it's a check ${w}`) },
    { kind: "alter-constraint-comment", table: C, constraint: { kind: "foreign-key", name: "c_p_fk" }, ...sides((w) => `fk ${w}`) },
    { kind: "alter-constraint-comment", table: P, constraint: { kind: "primary-key", name: "p_pkey" }, ...sides((w) => `pk ${w}`) },
    { kind: "alter-constraint-comment", table: P, constraint: { kind: "unique", name: "p_code_key" }, ...sides((w) => `unique ${w}`) },
    { kind: "alter-trigger-comment", from: trigger(from), to: trigger(to) },
  ];
}

/** The statements of going to comments `to` (undefined: removing them), in plan order. */
function commentSql(to: string | undefined): string[] {
  const value = (text: string): string => (to === undefined ? "NULL" : `'${text.replace(/'/g, "''")} ${to}'`);
  return [
    `COMMENT ON CONSTRAINT "c.n positive" ON "public"."c" IS ${value("it's a check")}`,
    `COMMENT ON CONSTRAINT "c_p_fk" ON "public"."c" IS ${value("fk")}`,
    `COMMENT ON CONSTRAINT "p_pkey" ON "public"."p" IS ${value("pk")}`,
    `COMMENT ON CONSTRAINT "p_code_key" ON "public"."p" IS ${value("unique")}`,
    `COMMENT ON TRIGGER "c_touch" ON "public"."c" IS ${value("trigger")}`,
  ];
}

describeEachDialect("PostgreSQL constraint and trigger comments", (dialect) => {
  if (dialect !== "postgres") return;
  const dbs = useDatabasePair();

  it("adds and removes comments with COMMENT statements alone", async () => {
    const { forward, backward } = await converge(dbs(), BASE, BASE + comments("one"));
    assert.deepEqual(forward.changes, commentChanges(undefined, "one"));
    assert.deepEqual(forward.statements.map((s) => s.sql), commentSql("one"), script(forward.statements));
    assert.deepEqual(backward!.changes, commentChanges("one", undefined));
    assert.deepEqual(backward!.statements.map((s) => s.sql), commentSql(undefined), script(backward!.statements));
  });

  it("changes comments with COMMENT statements alone", async () => {
    const { forward, backward } = await converge(dbs(), BASE + comments("one"), BASE + comments("two"));
    assert.deepEqual(forward.changes, commentChanges("one", "two"));
    assert.deepEqual(forward.statements.map((s) => s.sql), commentSql("two"), script(forward.statements));
    assert.deepEqual(backward!.statements.map((s) => s.sql), commentSql("one"), script(backward!.statements));
  });

  it("creates new tables with their constraints' and triggers' comments", async () => {
    const { forward, backward } = await converge(dbs(), TF, BASE + comments("new"));
    const sql = forward.statements.map((s) => s.sql);
    for (const statement of commentSql("new")) assert.ok(sql.includes(statement), `missing ${statement}:\n${script(forward.statements)}`);
    assert.deepEqual(
      forward.changes.map((c) => c.kind),
      ["create-table", "create-table", "create-trigger"],
    );
    assert.deepEqual(
      backward!.changes.map((c) => c.kind),
      ["drop-table", "drop-table", "drop-trigger"],
    );
  });

  it("adds foreign keys that close a cycle of new tables with their comments", async () => {
    const cycle =
      "CREATE TABLE a (id int PRIMARY KEY, b_id int); CREATE TABLE b (id int PRIMARY KEY, a_id int CONSTRAINT b_a_fk REFERENCES a (id));" +
      "ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id);" +
      "COMMENT ON CONSTRAINT a_b_fk ON a IS 'to b'; COMMENT ON CONSTRAINT b_a_fk ON b IS 'to a';";
    const { forward } = await converge(dbs(), "", cycle);
    const sql = forward.statements.map((s) => s.sql);
    const added = sql.findIndex((s) => /ADD CONSTRAINT "a_b_fk"|ADD CONSTRAINT "b_a_fk"/.test(s));
    assert.ok(added >= 0, script(forward.statements));
    assert.match(sql[added + 1]!, /^COMMENT ON CONSTRAINT "(a_b_fk" ON "public"."a" IS 'to b|b_a_fk" ON "public"."b" IS 'to a)'$/);
  });

  it("keeps the comment of a constraint or trigger that is dropped and added again for another change", async () => {
    const from = BASE + comments("kept");
    const to = BASE.replace("CHECK (n > 0)", "CHECK (n >= 0)").replace("BEFORE UPDATE", "BEFORE INSERT OR UPDATE") + comments("kept");
    const { forward } = await converge(dbs(), from, to);
    assert.deepEqual(
      forward.changes.map((c) => c.kind),
      ["drop-check", "add-check", "drop-trigger", "create-trigger"],
    );
    const sql = forward.statements.map((s) => s.sql);
    assert.ok(sql.includes(`COMMENT ON CONSTRAINT "c.n positive" ON "public"."c" IS 'it''s a check kept'`), script(forward.statements));
    assert.ok(sql.includes(`COMMENT ON TRIGGER "c_touch" ON "public"."c" IS 'trigger kept'`), script(forward.statements));
  });

  it("puts the comment back on a trigger re-created around a function dropped and created again", async () => {
    const table = "CREATE TABLE t (id int PRIMARY KEY, n int);";
    const fn = (type: string) => `CREATE FUNCTION f(x int) RETURNS ${type} LANGUAGE sql AS 'SELECT x * 2';`;
    const trigger = (comment: string) =>
      `${TF} CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW WHEN (f(NEW.id) > 0) EXECUTE FUNCTION tf(); COMMENT ON TRIGGER tr ON t IS '${comment}';`;
    const { forward } = await converge(dbs(), table + fn("integer") + trigger("old"), table + fn("bigint") + trigger("new"));
    const sql = forward.statements.map((s) => s.sql);
    assert.ok(sql.includes('DROP TRIGGER "tr" ON "public"."t"'), script(forward.statements));
    assert.equal(sql.at(-1), `COMMENT ON TRIGGER "tr" ON "public"."t" IS 'new'`, "the target's comment is set last");
  });

  it("puts the comment back on a trigger of a view dropped and created again", async () => {
    const view = (columns: string) =>
      `CREATE TABLE t (id int, n int); CREATE VIEW v AS SELECT ${columns} FROM t; ${TF}` +
      "CREATE TRIGGER v_ins INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION tf(); COMMENT ON TRIGGER v_ins ON v IS 'writes through';";
    const { forward } = await converge(dbs(), view("id, n"), view("n, id"));
    const sql = forward.statements.map((s) => s.sql);
    assert.ok(sql.includes('DROP VIEW "public"."v"'), script(forward.statements));
    assert.ok(sql.includes(`COMMENT ON TRIGGER "v_ins" ON "public"."v" IS 'writes through'`), script(forward.statements));
  });
});
