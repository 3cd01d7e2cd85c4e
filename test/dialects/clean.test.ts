/** `clean` on every dialect: a messy schema is emptied completely, and nothing else is touched. */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import type { DialectName } from "../../src/dialects/url.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";

/** A schema with foreign-key cycles, views on views, routines, triggers and awkward names. */
const MESSY: Record<DialectName, string[]> = {
  postgres: [
    `CREATE SCHEMA app`,
    `CREATE SCHEMA other`,
    `CREATE EXTENSION citext SCHEMA app`,
    `CREATE TYPE app.mood AS ENUM ('sad', 'ok')`,
    `CREATE TYPE app.pair AS (a int, b text)`,
    `CREATE TYPE app.floatrange AS RANGE (subtype = float8)`,
    `CREATE DOMAIN app.positive AS int CHECK (VALUE > 0)`,
    `CREATE DOMAIN app.happy AS app.mood CHECK (VALUE <> 'sad')`,
    `CREATE SEQUENCE app.free_seq`,
    `CREATE FUNCTION app.next_id() RETURNS bigint LANGUAGE sql AS $$ SELECT nextval('app.free_seq') $$`,
    `CREATE TABLE app."select" (id bigint PRIMARY KEY DEFAULT app.next_id(), other_id int, m app.mood, h app.happy, p app.positive, e app.citext)`,
    `CREATE TABLE app."we""ird name" (id serial PRIMARY KEY, select_id bigint REFERENCES app."select" (id), r app.floatrange, c app.pair)`,
    `CREATE TABLE app.ident (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY)`,
    `ALTER TABLE app."select" ADD FOREIGN KEY (other_id) REFERENCES app."we""ird name" (id)`,
    `CREATE TABLE app.parted (id int, at date) PARTITION BY RANGE (at)`,
    `CREATE TABLE app.parted_2026 PARTITION OF app.parted FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`,
    `CREATE VIEW app.v1 AS SELECT id FROM app."select"`,
    `CREATE VIEW app.v2 AS SELECT id FROM app.v1`,
    `CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.v2`,
    `CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    `CREATE TRIGGER touch BEFORE INSERT ON app."select" FOR EACH ROW EXECUTE FUNCTION app.touch()`,
    `CREATE FUNCTION app.add(int, int) RETURNS int LANGUAGE sql AS $$ SELECT $1 + $2 $$`,
    `CREATE FUNCTION app.add(text, text) RETURNS text LANGUAGE sql AS $$ SELECT $1 || $2 $$`,
    `CREATE PROCEDURE app.noop() LANGUAGE sql AS $$ SELECT 1 $$`,
    `CREATE AGGREGATE app.total(int) (sfunc = app.add, stype = int, initcond = '0')`,
    `CREATE COLLATION app.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)`,
    `CREATE TABLE other.keep (id int PRIMARY KEY, m text)`,
    `CREATE VIEW other.keep_view AS SELECT id FROM other.keep`,
  ],
  mysql: [
    "CREATE TABLE `select` (id INT PRIMARY KEY, other_id INT)",
    "CREATE TABLE `we\"ird name` (id INT PRIMARY KEY, select_id INT, FOREIGN KEY (select_id) REFERENCES `select` (id))",
    "ALTER TABLE `select` ADD FOREIGN KEY (other_id) REFERENCES `we\"ird name` (id)",
    "CREATE TABLE `back``tick` (id INT)",
    "CREATE SEQUENCE seq1",
    "CREATE TABLE uses_seq (id INT DEFAULT NEXTVAL(seq1))",
    "CREATE VIEW v1 AS SELECT id FROM `select`",
    "CREATE VIEW v2 AS SELECT id FROM v1",
    "CREATE TRIGGER trg BEFORE INSERT ON `select` FOR EACH ROW SET NEW.other_id = NULL",
    "CREATE PROCEDURE proc1() SELECT 1",
    "CREATE FUNCTION fn1(x INT) RETURNS INT DETERMINISTIC RETURN x + 1",
    "CREATE EVENT ev1 ON SCHEDULE EVERY 1 DAY DO SELECT 1",
  ],
  sqlite: [
    `CREATE TABLE "select" (id INTEGER PRIMARY KEY AUTOINCREMENT, other_id INTEGER REFERENCES "we""ird name" (id))`,
    `CREATE TABLE "we""ird name" (id INTEGER PRIMARY KEY, select_id INTEGER REFERENCES "select" (id))`,
    `CREATE INDEX "idx ""q""" ON "select" (other_id)`,
    `INSERT INTO "select" (id, other_id) VALUES (1, NULL)`,
    `INSERT INTO "we""ird name" (id, select_id) VALUES (1, 1)`,
    `UPDATE "select" SET other_id = 1`,
    `CREATE VIEW v1 AS SELECT id FROM "select"`,
    `CREATE VIEW v2 AS SELECT id FROM v1`,
    `CREATE TRIGGER trg AFTER INSERT ON "select" BEGIN UPDATE "we""ird name" SET select_id = NEW.id; END`,
    `CREATE TRIGGER v_ins INSTEAD OF INSERT ON v1 BEGIN SELECT 1; END`,
    `CREATE VIRTUAL TABLE docs USING fts5(body)`,
  ],
};

/** What cleaning an empty schema runs. */
const EMPTY_PLAN: Record<DialectName, string[]> = {
  postgres: [],
  mysql: ["SET FOREIGN_KEY_CHECKS = 0", "SET FOREIGN_KEY_CHECKS = 1"],
  sqlite: ["PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"],
};

/** Names of the objects left in the schema under test, from the catalog. */
async function remaining(conn: Connection, dialect: DialectName): Promise<string[]> {
  const query = {
    postgres: `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app'
      UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'app'
      UNION ALL SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'app'
      UNION ALL SELECT c.collname FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE n.nspname = 'app'
      UNION ALL SELECT x.extname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE n.nspname = 'app'`,
    mysql: `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()
      UNION ALL SELECT routine_name FROM information_schema.routines WHERE routine_schema = DATABASE()
      UNION ALL SELECT event_name FROM information_schema.events WHERE event_schema = DATABASE()
      UNION ALL SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()`,
    sqlite: `SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
  }[dialect];
  return (await conn.query<{ name: string }>(query)).map((r) => r.name).sort();
}

describeEachDialect("clean", (dialectName) => {
  const fx = useDatabaseProject(dialectName);
  let dialect: Dialect;
  before(async () => {
    dialect = await loadDialect(dialectName);
  });

  const targets = async () => (dialectName === "postgres" ? ["app"] : [await dialect.defaultSchema(fx.conn)]);

  it("plans nothing but the session settings for an empty schema", async () => {
    assert.deepEqual(await dialect.planClean(fx.conn, dialectName === "postgres" ? ["public"] : await targets()), EMPTY_PLAN[dialectName]);
  });

  it("drops every object of a messy schema and nothing outside it", async () => {
    for (const statement of MESSY[dialectName]) await fx.conn.exec(statement);
    assert.notDeepEqual(await remaining(fx.conn, dialectName), []);

    const plan = await dialect.planClean(fx.conn, await targets());
    for (const statement of plan) await fx.conn.exec(statement);

    assert.deepEqual(await remaining(fx.conn, dialectName), [], `left after running:\n${plan.join(";\n")}`);
    assert.deepEqual(await dialect.planClean(fx.conn, await targets()), EMPTY_PLAN[dialectName]);
    if (dialectName === "postgres") {
      const kept = await fx.conn.query<{ name: string }>(
        "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'other' ORDER BY 1",
      );
      assert.deepEqual(kept.map((r) => r.name), ["keep", "keep_pkey", "keep_view"]);
      const schemas = await fx.conn.query("SELECT 1 FROM pg_namespace WHERE nspname = 'app'");
      assert.equal(schemas.length, 1, "the schema itself stays");
    }
  });

  if (dialectName === "postgres") {
    it("drops an extension's objects only through DROP EXTENSION", async () => {
      await fx.conn.exec("CREATE SCHEMA ext");
      await fx.conn.exec("CREATE EXTENSION hstore SCHEMA ext");
      const plan = await dialect.planClean(fx.conn, ["ext"]);
      assert.deepEqual(plan, ['DROP EXTENSION IF EXISTS "hstore" CASCADE']);
      await fx.conn.exec(plan[0]!);
    });

    it("quotes every name and gives routines their signatures", async () => {
      await fx.conn.exec(`CREATE SCHEMA "Sch ""1"""`);
      await fx.conn.exec(`CREATE FUNCTION "Sch ""1"""."f""n"(a int, b text DEFAULT 'x') RETURNS int LANGUAGE sql AS $$ SELECT 1 $$`);
      await fx.conn.exec(`CREATE TABLE "Sch ""1"""."T" (id int)`);
      assert.deepEqual(await dialect.planClean(fx.conn, ['Sch "1"']), [
        `DROP TABLE IF EXISTS "Sch ""1"""."T" CASCADE`,
        `DROP FUNCTION IF EXISTS "Sch ""1"""."f""n"(a integer, b text) CASCADE`,
      ]);
    });
  }

  if (dialectName === "mysql") {
    it("drops views first, then tables, sequences, procedures, functions and events", async () => {
      for (const statement of MESSY.mysql) await fx.conn.exec(statement);
      const schema = await targets();
      const q = (name: string) => `\`${schema[0]}\`.${name}`;
      assert.deepEqual(await dialect.planClean(fx.conn, schema), [
        "SET FOREIGN_KEY_CHECKS = 0",
        `DROP VIEW IF EXISTS ${q("`v1`")}`,
        `DROP VIEW IF EXISTS ${q("`v2`")}`,
        `DROP TABLE IF EXISTS ${q("`back``tick`")}`,
        `DROP TABLE IF EXISTS ${q("`select`")}`,
        `DROP TABLE IF EXISTS ${q("`uses_seq`")}`,
        `DROP TABLE IF EXISTS ${q('`we"ird name`')}`,
        `DROP SEQUENCE IF EXISTS ${q("`seq1`")}`,
        `DROP PROCEDURE IF EXISTS ${q("`proc1`")}`,
        `DROP FUNCTION IF EXISTS ${q("`fn1`")}`,
        `DROP EVENT IF EXISTS ${q("`ev1`")}`,
        "SET FOREIGN_KEY_CHECKS = 1",
      ]);
    });
  }

  if (dialectName === "sqlite") {
    it("leaves the run-lock table alone", async () => {
      const held = await dialect.lock(fx.conn, { key: "shale:clean", timeoutMs: 1000 });
      await fx.conn.exec("CREATE TABLE gone (id INTEGER)");
      for (const statement of await dialect.planClean(fx.conn, ["main"])) await fx.conn.exec(statement);
      assert.deepEqual(await remaining(fx.conn, "sqlite"), ["shale_lock"]);
      await held.release();
    });
  }
});
