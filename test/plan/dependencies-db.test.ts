/**
 * The planner's dependency ordering against real servers: each pair of schemas is loaded,
 * diffed, applied, inspected again and required to converge, both ways where it can. The
 * PostgreSQL cases fail with the server's own dependency errors when the order is wrong; the
 * MySQL ones with error 1553 (an index a foreign key needs).
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { diffSchemas } from "../../src/api/schema-diff.js";
import { explicitRenames } from "../../src/diff/rename-strategy.js";
import { ShaleError } from "../../src/errors.js";
import { describeEachDialect } from "../support/databases.js";
import { converge, inspect as inspectPg, pg, resetTo, useDatabasePair } from "../dialects/postgres/schema-helpers.js";
import { apply as applyMy, assertConverged, inspect as inspectMy, my, withDatabases } from "../dialects/mysql/schema-helpers.js";

const ROUTINES_AND_TYPES = `
CREATE TYPE mood AS ENUM ('ok', 'bad');
CREATE FUNCTION is_fine(m mood) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN m = 'ok'; END $$;
CREATE DOMAIN good_mood AS mood CHECK (is_fine(VALUE));
CREATE DOMAIN zz_text AS text;
CREATE DOMAIN aa_text AS zz_text CHECK (VALUE <> '');
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
CREATE TABLE items (id int PRIMARY KEY, code text DEFAULT next_code(), m good_mood, label aa_text,
  doubled int GENERATED ALWAYS AS (length(next_code()) * 2) STORED, CHECK (is_fine(m)));
CREATE INDEX items_fine ON items (id) WHERE is_fine(m);
CREATE FUNCTION count_items() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM items $$;
CREATE FUNCTION add_item() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 1 FROM items; RETURN NEW; END $$;
CREATE VIEW totals AS SELECT count_items() AS n;
CREATE TRIGGER items_add BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION add_item();
`;

const MOOD_FROM = `
CREATE TYPE mood AS ENUM ('a', 'b', 'c');
CREATE TABLE t (v mood, CONSTRAINT t_not_c CHECK (v <> 'c'::mood));
CREATE INDEX t_is_a ON t ((v = 'a'::mood));
CREATE FUNCTION pick(m mood) RETURNS mood LANGUAGE sql AS $$ SELECT m $$;
CREATE VIEW uses_pick AS SELECT pick('a'::mood) AS p, count(*) AS n FROM t;
`;
const MOOD_TO = MOOD_FROM.replace("('a', 'b', 'c')", "('c', 'b', 'a')");

describeEachDialect("planner dependencies on PostgreSQL", (dialect) => {
  if (dialect !== "postgres") return;
  const dbs = useDatabasePair();

  it("creates routines before the domains, defaults, generated columns, checks and indexes that call them, and drops them after", async () => {
    await converge(dbs(), "", ROUTINES_AND_TYPES);
  });

  it("drops a dropped table's foreign key before the primary key it references (sqldef ForeignKeyWithPrimaryKeyChangeAndDrop)", async () => {
    await converge(
      dbs(),
      "CREATE TABLE users (id integer PRIMARY KEY); CREATE TABLE taggings (user_id integer NOT NULL, tag text NOT NULL, CONSTRAINT taggings_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id));",
      "CREATE TABLE users (user_id integer PRIMARY KEY, name text);",
    );
  });

  it("re-creates a function whose parameter names or kind change, with the view that calls it", async () => {
    await converge(
      dbs(),
      "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql AS 'SELECT a'; CREATE VIEW v AS SELECT g(1) AS one; CREATE FUNCTION p(x int) RETURNS void LANGUAGE sql AS 'SELECT'",
      "CREATE FUNCTION g(b int) RETURNS int LANGUAGE sql AS 'SELECT b'; CREATE VIEW v AS SELECT g(1) AS one; CREATE PROCEDURE p(x int) LANGUAGE sql AS 'SELECT'",
    );
  });

  it("rebuilds an enum with the checks, indexes, functions and views that use it around the rebuild", async () => {
    const { forward } = await converge(dbs(), `${MOOD_FROM} INSERT INTO t VALUES ('a'), ('b');`, MOOD_TO);
    const kinds = forward.plan.steps.map((s) => s.change.kind);
    assert.ok(kinds.indexOf("drop-routine") < kinds.indexOf("rebuild-enum") && kinds.indexOf("rebuild-enum") < kinds.indexOf("create-routine"));
  });

  it("refuses an enum rebuild that a domain or a default would block, before running anything", async () => {
    const [a, b] = dbs();
    const cases = [
      ["CREATE DOMAIN moods AS mood[];", /domain public\.moods is built on it/],
      ["CREATE TABLE u (w mood DEFAULT pick('a'));", /the default of column w of table public\.u calls it/],
    ] as const;
    for (const [extra, message] of cases) {
      await resetTo(a, MOOD_FROM + extra);
      await resetTo(b, MOOD_TO + extra);
      const from = await inspectPg(a);
      const to = await inspectPg(b);
      assert.throws(
        () => diffSchemas(pg, from, to),
        (err: unknown) => err instanceof ShaleError && err.code === "SHALE_E_UNSUPPORTED_CHANGE" && message.test(err.message),
      );
    }
  });
});

/** A → B applied and converged, then back; with explicit renames each way when given. */
async function roundTrip(a: string, b: string, renames?: { forward: ReturnType<typeof explicitRenames>; backward: ReturnType<typeof explicitRenames> }): Promise<void> {
  await withDatabases([a, b], async ([dbA, dbB]) => {
    const irA = await inspectMy(dbA!.conn);
    const irB = await inspectMy(dbB!.conn);
    const there = diffSchemas(my, irA, irB, renames ? { renames: renames.forward } : {});
    await applyMy(dbA!.conn, there.statements);
    await assertConverged(dbA!.conn, irB, there);
    const back = diffSchemas(my, await inspectMy(dbA!.conn), irA, renames ? { renames: renames.backward } : {});
    await applyMy(dbA!.conn, back.statements);
    await assertConverged(dbA!.conn, irA, back);
  });
}

const PARENT = "CREATE TABLE p (id INT PRIMARY KEY);";
const child = (column: string, index: string) =>
  `${PARENT} CREATE TABLE c (id INT PRIMARY KEY, p_id INT, ${column} INT, ${index} CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id))`;

describeEachDialect("planner dependencies on MySQL", (dialect) => {
  if (dialect !== "mysql") return;

  it("keeps a foreign key's index while the index changes, with and without renames in the plan (error 1553)", async () => {
    await roundTrip(child("x", "KEY c_p_idx (p_id),"), child("x", "KEY c_p_idx2 (p_id, id),"));
    await roundTrip(child("x", "KEY c_p_idx (p_id),"), child("x", ""));
    const column = (from: string, to: string) => explicitRenames({ columns: [{ table: { schema: "", name: "c" }, from, to }] });
    await roundTrip(child("x", "KEY c_p_idx (p_id),"), child("y", "KEY c_p_idx2 (p_id, id),"), { forward: column("x", "y"), backward: column("y", "x") });
  });

  it("drops a dropped table's foreign key before the primary key it references", async () => {
    await roundTrip(
      "CREATE TABLE users (id INT PRIMARY KEY); CREATE TABLE taggings (user_id INT NOT NULL, CONSTRAINT tf FOREIGN KEY (user_id) REFERENCES users (id))",
      "CREATE TABLE users (user_id INT PRIMARY KEY, name TEXT)",
    );
  });
});
