/**
 * Applies the DDL the schema engine rendered, as a user applying `shale diff` output would:
 * in one transaction where DDL is transactional, statement by statement where it is not.
 */
import { StatementFailure, type Connection, type Dialect, type RenderedStatement } from "../../src/dialects/dialect.js";
import { messageOf } from "./load-sql.js";

/** A rendered statement the server refused. */
export class ApplyFailure extends Error {
  constructor(
    message: string,
    readonly statement: string,
    readonly sqlState: string | undefined,
  ) {
    super(message);
    this.name = "ApplyFailure";
  }
}

/**
 * Runs the statements in order. With transactional DDL (PostgreSQL, SQLite) each run of
 * statements between ones flagged `noTransaction` goes through execAtomic, and a flagged one
 * runs alone; MySQL commits each DDL statement anyway, so each runs on its own.
 */
export async function applyStatements(dialect: Dialect, conn: Connection, statements: readonly RenderedStatement[]): Promise<void> {
  if (!dialect.capabilities.transactionalDdl) {
    for (const s of statements) await runAlone(conn, s.sql);
    return;
  }
  let batch: string[] = [];
  for (const s of statements) {
    if (!s.noTransaction) {
      batch.push(s.sql);
      continue;
    }
    await runBatch(conn, batch);
    batch = [];
    await runAlone(conn, s.sql);
  }
  await runBatch(conn, batch);
}

async function runAlone(conn: Connection, sql: string): Promise<void> {
  try {
    await conn.exec(sql);
  } catch (err) {
    throw failure(err, sql);
  }
}

async function runBatch(conn: Connection, batch: readonly string[]): Promise<void> {
  if (batch.length === 0) return;
  try {
    await conn.execAtomic(batch);
  } catch (err) {
    const index = err instanceof StatementFailure ? err.index : 0;
    throw failure(err, batch[index] ?? batch[0]!);
  }
}

function failure(err: unknown, sql: string): ApplyFailure {
  const sqlState = err instanceof StatementFailure ? err.sqlState : undefined;
  return new ApplyFailure(messageOf(err), sql, sqlState);
}
