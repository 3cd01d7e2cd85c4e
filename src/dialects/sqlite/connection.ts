/**
 * SQLite connections over `better-sqlite3`, loaded only when a SQLite URL is used. The driver
 * is synchronous and in-process, so the methods wrap its calls in promises.
 */
import type { Database } from "better-sqlite3";
import { connectFailure } from "../connect-error.js";
import { StatementFailure, type Connection, type Row } from "../dialect.js";
import type { DatabaseUrl } from "../url.js";

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 30_000;

/** Opens a SQLite database file (created if missing) or `:memory:`; failures become SHALE_E_CONNECT. */
export async function connect(url: DatabaseUrl): Promise<Connection> {
  const { default: Database } = await import("better-sqlite3");
  const file = url.file ?? ":memory:";
  let db: Database | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma("foreign_keys = ON");
    // Opening is lazy: reading the schema proves the file is there and is a database.
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (err) {
    db?.close();
    throw connectFailure("unreachable", url, err, `Check that the folder of ${file} exists and that the file is a SQLite database you may write`);
  }
  return new SqliteConnection(db, url);
}

class SqliteConnection implements Connection {
  readonly dialect = "sqlite" as const;

  constructor(
    private readonly db: Database,
    readonly url: DatabaseUrl,
  ) {}

  async query<T extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const statement = this.db.prepare(sql);
      const values = params.map(toSqliteValue);
      if (statement.reader) return statement.all(...values) as T[];
      statement.run(...values);
      return [];
    } catch (err) {
      throw failureFor(err, 0);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      this.db.exec(sql);
    } catch (err) {
      throw failureFor(err, 0);
    }
  }

  async execAtomic(statements: readonly string[]): Promise<void> {
    if (statements.length === 0) return;
    await this.begin();
    for (let index = 0; index < statements.length; index += 1) {
      try {
        this.db.exec(statements[index]!);
      } catch (err) {
        this.rollbackIfOpen();
        throw failureFor(err, index);
      }
    }
    await this.commit();
  }

  /** IMMEDIATE takes the write lock up front: a deferred transaction that later writes can fail with SQLITE_BUSY without waiting. */
  async begin(): Promise<void> {
    await this.exec("BEGIN IMMEDIATE");
  }

  async commit(): Promise<void> {
    await this.exec("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.exec("ROLLBACK");
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Some errors (SQLITE_FULL, RAISE(ROLLBACK), ...) have already rolled the transaction back. */
  private rollbackIfOpen(): void {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
  }
}

/** better-sqlite3 refuses booleans and undefined as parameters. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}

/** SQLite has no SQLSTATE; its extended result code (SQLITE_BUSY, SQLITE_CONSTRAINT_UNIQUE, ...) stands in. */
function failureFor(err: unknown, index: number): StatementFailure {
  const code = (err as { code?: unknown }).code;
  return new StatementFailure(
    err instanceof Error ? err.message : String(err),
    index,
    typeof code === "string" ? code : undefined,
    undefined,
  );
}
