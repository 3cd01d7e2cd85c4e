/**
 * Shared set-up of the SQLite schema-engine tests: real SQLite databases (in memory or in a
 * temp file), the pipeline of src/api/schema-diff.ts, and applying its statements the way a
 * runner does (statements marked noTransaction alone, the others in one transaction).
 */
import assert from "node:assert/strict";
import type { Connection, RenderedStatement } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import { parseDatabaseUrl } from "../../../src/dialects/url.js";
import type { DiffOptions } from "../../../src/diff/options.js";
import { createSchemaDdl, diffSchemas, inspectSchema, type SchemaDiff } from "../../../src/api/schema-diff.js";
import type { Schema } from "../../../src/schema/types.js";

/** A fresh in-memory database (foreign keys on, as shale's connections have them). */
export async function memoryDb(setup = ""): Promise<Connection> {
  const conn = await sqliteDialect.connect(parseDatabaseUrl("sqlite::memory:"));
  if (setup) await conn.exec(setup);
  return conn;
}

/** The database's schema through the pipeline (inspect, then normalise). */
export function inspect(conn: Connection): Promise<Schema> {
  return inspectSchema(sqliteDialect, conn);
}

/** Runs rendered statements as a runner does: each noTransaction one alone, the others batched in transactions. */
export async function applyStatements(conn: Connection, statements: readonly RenderedStatement[]): Promise<void> {
  let batch: string[] = [];
  for (const s of statements) {
    if (!s.noTransaction) {
      batch.push(s.sql);
      continue;
    }
    await conn.execAtomic(batch);
    batch = [];
    await conn.exec(s.sql);
  }
  await conn.execAtomic(batch);
}

/** The diff between two schemas with SQLite's hooks. */
export function diff(from: Schema, to: Schema, options: Omit<DiffOptions, "hooks"> = {}): SchemaDiff {
  return diffSchemas(sqliteDialect, from, to, options);
}

/** Requires two schemas to have no difference, showing the changes when they do. */
export function assertSameSchema(actual: Schema, expected: Schema, message = "schemas differ"): void {
  const changes = diff(actual, expected).changes;
  assert.deepEqual(changes, [], `${message}: ${JSON.stringify(changes, null, 1)}`);
  assert.deepEqual(diff(actual, actual).changes, [], "diff(x, x) is not empty");
}

/** The result of migrating a database from one schema to another. */
export interface Migration {
  readonly conn: Connection;
  readonly statements: readonly RenderedStatement[];
  readonly changes: SchemaDiff["changes"];
}

/**
 * Loads `current` into a database and `desired` into another, diffs, applies the DDL to the
 * first (after `seed` fills it), and requires the two to be equal afterwards (convergence).
 */
export async function migrate(current: string, desired: string, options: { seed?: string; diff?: Omit<DiffOptions, "hooks"> } = {}): Promise<Migration> {
  const conn = await memoryDb(current);
  if (options.seed) await conn.exec(options.seed);
  const target = await memoryDb(desired);
  const want = await inspect(target);
  await target.close();
  const result = diff(await inspect(conn), want, options.diff);
  try {
    await applyStatements(conn, result.statements);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- statements:\n${result.statements.map((s) => s.sql).join(";\n")}`);
  }
  assertSameSchema(await inspect(conn), want, "not converged after apply");
  return { conn, statements: result.statements, changes: result.changes };
}

/** Creates the schema's DDL in a fresh database and returns that database's schema. */
export async function recreate(schema: Schema): Promise<Schema> {
  const conn = await memoryDb();
  try {
    await applyStatements(conn, createSchemaDdl(sqliteDialect, schema).statements);
    return await inspect(conn);
  } finally {
    await conn.close();
  }
}
