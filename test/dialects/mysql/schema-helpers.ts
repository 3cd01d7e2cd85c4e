/**
 * What the MySQL schema tests share: fresh databases loaded with SQL, inspection through the
 * real pipeline, and applying rendered statements one by one as the runner does (MySQL DDL
 * commits implicitly, so there is no transaction to batch them in).
 */
import assert from "node:assert/strict";
import { diffSchemas, inspectSchema, type SchemaDiff } from "../../../src/api/schema-diff.js";
import type { DiffOptions } from "../../../src/diff/options.js";
import type { Connection, RenderedStatement } from "../../../src/dialects/dialect.js";
import { mysqlDialect } from "../../../src/dialects/mysql/index.js";
import type { Schema, Table } from "../../../src/schema/types.js";
import { connectTestDatabase, createTestDatabase } from "../../support/databases.js";

/** The dialect under test. */
export const my = mysqlDialect;

/** A fresh database and a connection to it. */
export interface LoadedDatabase {
  readonly conn: Connection;
  close(): Promise<void>;
}

/** Runs every statement of a SQL script (stored programs without DELIMITER are fine). */
export async function load(conn: Connection, sql: string): Promise<void> {
  for (const statement of my.split(sql)) await conn.exec(statement.sql);
}

/** Creates a database and loads `sql` into it. */
export async function databaseWith(sql: string): Promise<LoadedDatabase> {
  const db = await createTestDatabase("mysql");
  const conn = await connectTestDatabase(db);
  try {
    await load(conn, sql);
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

/** Runs `work` with databases loaded with each of `sqls`, dropping them afterwards. */
export async function withDatabases<T>(sqls: readonly string[], work: (dbs: LoadedDatabase[]) => Promise<T>): Promise<T> {
  const dbs: LoadedDatabase[] = [];
  try {
    for (const sql of sqls) dbs.push(await databaseWith(sql));
    return await work(dbs);
  } finally {
    for (const db of dbs) await db.close();
  }
}

/** The normalised IR of a live database, without shale's own tables. */
export function inspect(conn: Connection): Promise<Schema> {
  return inspectSchema(my, conn, { excludeTables: ["shale_history", "shale_lock"] });
}

/** Runs rendered statements in order, naming the one that fails. */
export async function apply(conn: Connection, statements: readonly RenderedStatement[]): Promise<void> {
  for (const statement of statements) {
    try {
      await conn.exec(statement.sql);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nin: ${statement.sql}\nscript:\n${script(statements)}`);
    }
  }
}

/** The statements as a script, for failure messages. */
export function script(statements: readonly RenderedStatement[]): string {
  return statements.map((s) => `${s.sql};`).join("\n");
}

/** Requires that `conn` now inspects equal to `target` (convergence), with a readable message. */
export async function assertConverged(conn: Connection, target: Schema, applied: SchemaDiff): Promise<void> {
  const after = await inspect(conn);
  const rest = diffSchemas(my, after, target);
  assert.deepEqual(rest.changes, [], `not converged after:\n${script(applied.statements)}\nstill:\n${script(rest.statements)}`);
}

/** A table of a schema, failing the test when it is missing. */
export function table(schema: Schema, name: string): Table {
  const found = schema.tables.find((t) => t.name === name);
  assert.ok(found, `table ${name} not inspected`);
  return found;
}

/** Options of a diff in a round trip (the hooks are the dialect's). */
export type RoundTripOptions = Omit<DiffOptions, "hooks">;

/** Loads A and B, then A → B and back, converging both ways; returns the forward diff. */
export async function roundTrip(a: string, b: string, forward: RoundTripOptions = {}, backward: RoundTripOptions = {}): Promise<SchemaDiff> {
  return withDatabases([a, b], async ([dbA, dbB]) => {
    const irA = await inspect(dbA!.conn);
    const irB = await inspect(dbB!.conn);
    const there = diffSchemas(my, irA, irB, forward);
    assert.ok(there.changes.length > 0, "A and B should differ");
    await apply(dbA!.conn, there.statements);
    await assertConverged(dbA!.conn, irB, there);
    const back = diffSchemas(my, await inspect(dbA!.conn), irA, backward);
    await apply(dbA!.conn, back.statements);
    await assertConverged(dbA!.conn, irA, back);
    return there;
  });
}

/** The ALTER TABLE statements of a diff on one table. */
export function alters(d: SchemaDiff, table: string): string[] {
  return d.statements.map((s) => s.sql).filter((sql) => sql.startsWith(`ALTER TABLE \`${table}\``));
}
