/**
 * Loads a case's `current` or `desired` DDL into a database, the way upstream does before it
 * diffs: statement by statement, in an order the server accepts.
 */
import { StatementFailure, type Connection, type Dialect } from "../../src/dialects/dialect.js";

/** How loading went: done, the server refused a statement, or our splitter failed. */
export type LoadOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly by: "server"; readonly message: string; readonly statement: string }
  | { readonly ok: false; readonly by: "splitter"; readonly message: string };

/**
 * upstream names its MySQL test database `mysqldef_test`, and some view bodies qualify tables
 * with it; the case's own database stands in for it.
 */
export function adaptSql(dialect: Dialect, sql: string, database: string): string {
  if (dialect.name !== "mysql") return sql;
  return sql.replace(/\bmysqldef_test\b/g, database);
}

/**
 * Runs each statement on its own. upstream sorts a case's DDL by dependency before applying
 * it (a view may come before its table); here a statement the server refuses is tried again
 * after the others, pass after pass, until every one ran or a pass makes no progress. The
 * first refusal of the last pass is the reason the case cannot load.
 *
 * sqldef does not manage PostgreSQL schemas: a case's `desired` may use a schema that only
 * `current` creates, because upstream applies `desired` on top of `current`. So when a pass
 * makes no progress and the server says a schema is missing, it is created and loading goes on.
 */
export async function loadSql(dialect: Dialect, conn: Connection, sql: string): Promise<LoadOutcome> {
  let pending: string[];
  try {
    pending = dialect.split(sql).map((s) => s.sql);
  } catch (err) {
    return { ok: false, by: "splitter", message: messageOf(err) };
  }
  const created = new Set<string>();
  for (;;) {
    const refused: { statement: string; error: unknown }[] = [];
    for (const statement of pending) {
      try {
        await conn.exec(statement);
      } catch (error) {
        refused.push({ statement, error });
      }
    }
    if (refused.length === 0) return { ok: true };
    if (refused.length === pending.length) {
      const missing = refused.map((r) => missingSchema(dialect, r.error)).filter((s): s is string => s !== undefined && !created.has(s));
      if (missing.length === 0) return { ok: false, by: "server", statement: refused[0]!.statement, message: messageOf(refused[0]!.error) };
      for (const schema of missing) {
        created.add(schema);
        await conn.exec(`CREATE SCHEMA IF NOT EXISTS ${dialect.quoteIdent(schema)}`);
      }
    }
    pending = refused.map((r) => r.statement);
  }
}

/** The schema a PostgreSQL error says is missing. */
function missingSchema(dialect: Dialect, err: unknown): string | undefined {
  if (dialect.name !== "postgres" || !(err instanceof StatementFailure) || err.sqlState !== "3F000") return undefined;
  const m = /^schema "((?:[^"]|"")+)" does not exist/.exec(err.message);
  return m ? m[1]!.replace(/""/g, '"') : undefined;
}

/** An error's message, or its text when it is not an Error. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
