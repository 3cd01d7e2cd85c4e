/** `clean`: drops every object in the context's schemas, history table included. */
import type { DialectName } from "../dialects/url.js";
import { refuseProtected } from "./protect.js";
import { withSession, type Session, type WriteOptions } from "./session.js";

/** Options of `clean`. */
export interface CleanOptions extends WriteOptions {
  readonly allowProtected?: boolean;
}

/** What `clean` did. */
export interface CleanResult {
  readonly context: string;
  readonly schemas: readonly string[];
  readonly dryRun: boolean;
  /** The statements run (or, under dry run, that would run). */
  readonly sql: readonly string[];
  /** The dialect `sql` is written in, which decides how a script of it is terminated. */
  readonly dialect: DialectName;
}

/** Drops every object in the target schemas. Refused on a protected environment. */
export async function clean(options: CleanOptions = {}): Promise<CleanResult> {
  const dryRun = options.dryRun ?? false;
  return withSession(options, { lock: !dryRun }, (session) => cleanIn(session, dryRun, options.allowProtected ?? false));
}

/** `clean` inside an open session (also the first step of `reset`). */
export async function cleanIn(session: Session, dryRun: boolean, allowProtected: boolean): Promise<CleanResult> {
  refuseProtected(session.target, "clean", { allowProtected, dryRun });
  const schemas = session.target.context.schemas ?? [await session.dialect.defaultSchema(session.conn)];
  const sql = await session.dialect.planClean(session.conn, schemas);
  // One statement at a time: MySQL and SQLite need their foreign-key switches outside a transaction.
  if (!dryRun) for (const statement of sql) await session.conn.exec(statement);
  return { context: session.target.context.name, dialect: session.dialect.name, schemas, dryRun, sql };
}
