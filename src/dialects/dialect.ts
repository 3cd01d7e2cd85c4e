/**
 * The Dialect bundle: everything the migration engine needs from one database family,
 * behind one interface. A dialect is loaded at run time from the URL (see load.ts) and
 * passed explicitly; nothing here is global.
 */
import type { DiffHooks } from "../diff/options.js";
import type { Plan, PlanCapabilities } from "../plan/types.js";
import type { Schema } from "../schema/types.js";
import type { DatabaseUrl, DialectName } from "./url.js";

export type { DatabaseUrl, DialectName } from "./url.js";

/** One row as the driver returns it. */
export type Row = Record<string, unknown>;

/** One statement cut out of a SQL file by a dialect's splitter. */
export interface SqlStatement {
  /** The statement text, without its terminating delimiter; leading comments stay in it. */
  readonly sql: string;
  /** 1-based line of the statement's first token (after any leading comments) in the source file. */
  readonly line: number;
  /** Offset of the first character in the source text. */
  readonly start: number;
  /** Offset just past the last character in the source text. */
  readonly end: number;
}

/** What the runner must do about a statement's transaction needs. */
export type StatementClass =
  | { readonly kind: "plain" }
  /** BEGIN/COMMIT/ROLLBACK written in a file: shale owns the transactions. */
  | { readonly kind: "transaction-control" }
  /** Cannot run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, ...). */
  | { readonly kind: "no-transaction"; readonly reason: string }
  /** May run in a transaction, but what it creates is usable only after a commit. */
  | { readonly kind: "commit-after"; readonly reason: string };

/** What the database can do, as far as the engine cares. */
export interface Capabilities {
  /** DDL can be rolled back with the rest of a transaction (PostgreSQL, SQLite; not MySQL). */
  readonly transactionalDdl: boolean;
  /** Objects live in named schemas inside one database (PostgreSQL). */
  readonly schemas: boolean;
}

/** A statement failed; `index` says which of the statements given. */
export class StatementFailure extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly sqlState: string | undefined,
    /** 0-based offset of the error inside the failed statement, when the server reports one. */
    readonly position: number | undefined,
  ) {
    super(message);
    this.name = "StatementFailure";
  }
}

/** An open connection, over the dialect's real driver. */
export interface Connection {
  readonly dialect: DialectName;
  readonly url: DatabaseUrl;
  /** Runs one statement and returns its rows. Placeholders are the dialect's own. */
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one statement outside any explicit transaction; throws StatementFailure (index 0). */
  exec(sql: string): Promise<void>;
  /**
   * Runs the statements in order inside one transaction and commits; on failure rolls back
   * and throws StatementFailure naming the statement. Dialects may batch round trips.
   */
  execAtomic(statements: readonly string[]): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
  /**
   * Opens a second connection to the same database with the same settings, for reads that may
   * run beside this one's (PostgreSQL's inspector splits its catalog queries over two
   * connections sharing one snapshot). Optional: callers run everything here without it.
   */
  openAnother?(): Promise<Connection>;
}

/** A held database lock. */
export interface HeldLock {
  release(): Promise<void>;
}

/** Options for taking the run lock. */
export interface LockOptions {
  /** A name for the lock, unique per database and history table. */
  readonly key: string;
  /** How long to wait for another run to finish, in milliseconds. */
  readonly timeoutMs: number;
}

/** A schema-qualified table name; `schema` undefined means the connection's default. */
export interface QualifiedName {
  readonly schema?: string;
  readonly name: string;
}

/** A value that can be written as a SQL literal. */
export type LiteralValue = string | number | bigint | boolean | null;

/** What to read from a live database. */
export interface InspectOptions {
  /**
   * PostgreSQL: the schemas to read; all user schemas when omitted. MySQL and SQLite read
   * the connected database, whose objects get the schema "" so that two databases with
   * different names compare equal.
   */
  readonly schemas?: readonly string[];
  /** Tables left out, such as shale's own history and lock tables. */
  readonly excludeTables?: readonly string[];
}

/** One statement a renderer made, with the plan steps it carries out. */
export interface RenderedStatement {
  readonly sql: string;
  /** Indexes into Plan.steps; a MySQL ALTER or a SQLite rebuild may carry several. */
  readonly steps: readonly number[];
  /** It can lose data; printed output puts a warning comment before it. */
  readonly destructive: boolean;
  /** It cannot run inside a transaction block (PostgreSQL ALTER TYPE … ADD VALUE before 12, CONCURRENTLY). */
  readonly noTransaction?: boolean;
  /** A short note printed as a comment before it ("rebuilds table t to drop column c"). */
  readonly comment?: string;
}

/** What the schema engine needs from a dialect: read, normalise, compare, write DDL. */
export interface SchemaSupport {
  /** Reads the live schema with a fixed number of catalog queries (never one per table). */
  inspect(conn: Connection, options?: InspectOptions): Promise<Schema>;
  /** Rewrites a Schema into the form this database reports, so equal schemas compare equal. */
  normalize(schema: Schema): Schema;
  readonly diffHooks: DiffHooks;
  readonly planCapabilities: PlanCapabilities;
  /**
   * Renders an ordered plan as DDL. `from` and `to` are the whole schemas, for renderers that
   * need more than the change (a SQLite table rebuild, a MySQL MODIFY COLUMN).
   */
  render(plan: Plan, from: Schema, to: Schema): RenderedStatement[];
}

/** Everything the engine needs from one database family. */
export interface Dialect {
  readonly name: DialectName;
  readonly capabilities: Capabilities;
  /** Opens a connection; connection problems become ShaleErrors with the password masked. */
  connect(url: DatabaseUrl): Promise<Connection>;
  /** Cuts a SQL file into statements, keeping each one's line. Throws SHALE_E_SPLIT. */
  split(source: string, file?: string): SqlStatement[];
  /** Says whether a statement needs special transaction handling. */
  classify(statement: SqlStatement): StatementClass;
  /** Quotes an identifier so any name is safe. */
  quoteIdent(name: string): string;
  /** Renders a value as a SQL literal of this dialect. */
  literal(value: LiteralValue): string;
  /** The schema objects live in when none is configured ("public", the database, "main"). */
  defaultSchema(conn: Connection): Promise<string>;
  /** DDL that creates the history table if it is missing. */
  historyTableDdl(table: QualifiedName): string[];
  /** Whether the history table exists. */
  historyTableExists(conn: Connection, table: QualifiedName): Promise<boolean>;
  /** Takes the run lock, waiting up to the timeout; throws SHALE_E_LOCK_TIMEOUT. */
  lock(conn: Connection, options: LockOptions): Promise<HeldLock>;
  /** The statements that drop every object in the given schemas, in a safe order. */
  planClean(conn: Connection, schemas: readonly string[]): Promise<string[]>;
  /**
   * Optional: a SQL expression for the milliseconds since the current transaction (or
   * `startedAt`) began, so a history row written in the same round trip as its migration
   * still records the real execution time.
   */
  executionTimeSql?(startedAt: Date): string;
  /** The schema engine's parts; optional only while a dialect's are being built. */
  readonly schema?: SchemaSupport;
}
