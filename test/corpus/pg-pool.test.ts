/** The PostgreSQL database pool: a database comes back empty, or is dropped when it cannot be made so. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { loadDialect } from "../../src/dialects/load.js";
import { describeEachDialect } from "../support/databases.js";
import { PostgresPool } from "./pg-pool.js";

const USER_OBJECTS = `SELECT
  (SELECT count(*) FROM pg_catalog.pg_class WHERE oid >= 16384)::int AS relations,
  (SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public'))::int AS schemas,
  (SELECT count(*) FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql')::int AS extensions`;

describeEachDialect("corpus PostgreSQL pool", (dialectName) => {
  if (dialectName !== "postgres") return;

  it("hands a database out again, emptied, after a case", async () => {
    const pool = new PostgresPool(await loadDialect("postgres"));
    try {
      const first = await pool.take();
      for (const sql of [
        "CREATE SCHEMA s",
        "CREATE TYPE s.mood AS ENUM ('ok')",
        "CREATE TABLE public.t (id serial PRIMARY KEY, m s.mood)",
        "CREATE VIEW public.v AS SELECT id FROM public.t",
        "CREATE EXTENSION citext",
        "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "SET search_path TO s",
      ]) {
        await first.conn.exec(sql);
      }
      await pool.release(first);
      const second = await pool.take();
      assert.equal(second.name, first.name, "the same database is reused");
      assert.deepEqual(await second.conn.query(USER_OBJECTS), [{ relations: 0, schemas: 0, extensions: 0 }]);
      const [path] = await second.conn.query<{ search_path: string }>("SHOW search_path");
      assert.equal(path!.search_path, '"$user", public', "a new connection, with no setting carried over");
      await pool.release(second);
      assert.equal(pool.discarded, 0);
    } finally {
      assert.deepEqual(await pool.close(), []);
    }
  });

  it("drops a database it cannot bring back to its first state", async () => {
    const pool = new PostgresPool(await loadDialect("postgres"));
    try {
      const first = await pool.take();
      await first.conn.exec(`COMMENT ON DATABASE ${JSON.stringify(first.name)} IS 'changed'`);
      await pool.release(first);
      assert.equal(pool.discarded, 1);
      const second = await pool.take();
      assert.notEqual(second.name, first.name);
      await pool.release(second, true);
      assert.equal(pool.discarded, 2, "an abandoned database is dropped, not reused");
    } finally {
      assert.deepEqual(await pool.close(), []);
    }
  });
});
