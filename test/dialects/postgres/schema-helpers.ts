/**
 * What the PostgreSQL schema tests share: fresh databases loaded with SQL, inspection through
 * the real pipeline, and applying rendered statements the way a runner would (transactional
 * batches, with noTransaction statements on their own).
 */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { createSchemaDdl, diffSchemas, inspectSchema, type SchemaDiff } from "../../../src/api/schema-diff.js";
import type { DiffOptions } from "../../../src/diff/options.js";
import type { Connection, RenderedStatement } from "../../../src/dialects/dialect.js";
import { postgresDialect } from "../../../src/dialects/postgres/index.js";
import type { Schema } from "../../../src/schema/types.js";
import { connectTestDatabase, createTestDatabase } from "../../support/databases.js";

/** The dialect under test. */
export const pg = postgresDialect;

/** A fresh database and a connection to it. */
export interface LoadedDatabase {
  readonly conn: Connection;
  close(): Promise<void>;
}

/** Creates a database and runs `sql` in it (several statements are fine). */
export async function databaseWith(sql: string): Promise<LoadedDatabase> {
  const db = await createTestDatabase("postgres");
  const conn = await connectTestDatabase(db);
  try {
    if (sql.trim()) await conn.exec(sql);
  } catch (err) {
    await conn.close();
    await db.drop();
    throw err;
  }
  return {
    conn,
    close: async () => {
      await conn.close();
      await db.drop();
    },
  };
}

// Dropping every schema and making "public" again as a new database has it is much faster than
// a new database (DROP DATABASE waits for a checkpoint), so the tests of a file share two.
const RESET = `
DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT nspname FROM pg_catalog.pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname !~ '^pg_(toast|temp_)'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
COMMENT ON SCHEMA public IS 'standard public schema';
GRANT USAGE ON SCHEMA public TO PUBLIC;
`;

/** Empties a database back to what a new one holds, then runs `sql` in it. */
export async function resetTo(conn: Connection, sql: string): Promise<void> {
  await conn.exec(RESET);
  if (sql.trim()) await conn.exec(sql);
}

/** Two databases shared by the tests of a suite, made before them and dropped after. */
export function useDatabasePair(): () => [Connection, Connection] {
  let dbs: LoadedDatabase[] = [];
  before(async () => {
    dbs = [await databaseWith(""), await databaseWith("")];
  });
  after(async () => {
    for (const db of dbs) await db.close();
  });
  return () => [dbs[0]!.conn, dbs[1]!.conn];
}

/** The normalised IR of a live database, without shale's own tables. */
export function inspect(conn: Connection): Promise<Schema> {
  return inspectSchema(pg, conn, { excludeTables: ["shale_history", "shale_lock"] });
}

/** Runs statements in order: consecutive transactional ones in one transaction each batch. */
export async function apply(conn: Connection, statements: readonly RenderedStatement[]): Promise<void> {
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length > 0) await conn.execAtomic(batch);
    batch = [];
  };
  for (const statement of statements) {
    if (statement.noTransaction) {
      await flush();
      await conn.exec(statement.sql);
    } else {
      batch.push(statement.sql);
    }
  }
  await flush();
}

/** The statements as a script, for failure messages. */
export function script(statements: readonly RenderedStatement[]): string {
  return statements.map((s) => `${s.sql};`).join("\n");
}

/** Asserts that two schemas have no difference, showing the changes when they do. */
export function assertNoDiff(from: Schema, to: Schema, context: string): void {
  const remaining = diffSchemas(pg, from, to);
  assert.deepEqual(remaining.changes, [], `${context}: changes left after apply:\n${script(remaining.statements)}`);
}

/**
 * Loads `from` and `to` into the two databases, diffs the first to the second, applies the DDL
 * to the first and requires no difference left; then the same back. Returns both diffs.
 */
export async function converge(
  [a, b]: [Connection, Connection],
  from: string,
  to: string,
  options: { back?: boolean; forward?: DiffOptions; backward?: DiffOptions } = {},
): Promise<{ forward: SchemaDiff; backward?: SchemaDiff }> {
  await resetTo(a, from);
  await resetTo(b, to);
  const target = await inspect(b);
  const start = await inspect(a);
  assertNoDiff(start, start, "diff(x, x)");
  const forward = diffSchemas(pg, start, target, options.forward);
  await applyOrExplain(a, forward.statements);
  assertNoDiff(await inspect(a), target, "forward");
  if (options.back === false) return { forward };
  const backward = diffSchemas(pg, target, start, options.backward);
  await applyOrExplain(b, backward.statements);
  assertNoDiff(await inspect(b), start, "backward");
  return { forward, backward };
}

/** Applies statements; a failure names the script it was running. */
export async function applyOrExplain(conn: Connection, statements: readonly RenderedStatement[]): Promise<void> {
  try {
    await apply(conn, statements);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- script ---\n${script(statements)}`);
  }
}

/** createSchemaDdl of `schema` applied to the emptied database `conn`, inspected again. */
export async function recreate(conn: Connection, schema: Schema): Promise<{ ddl: SchemaDiff; copy: Schema }> {
  const ddl = createSchemaDdl(pg, schema);
  await resetTo(conn, "");
  await applyOrExplain(conn, ddl.statements);
  return { ddl, copy: await inspect(conn) };
}
