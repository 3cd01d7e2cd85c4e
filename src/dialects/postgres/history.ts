/** The history table on PostgreSQL: its DDL, whether it exists, and the default schema. */
import type { Connection, QualifiedName } from "../dialect.js";
import { quoteIdent } from "./quote.js";

/**
 * DDL that creates the history table (and its schema) if missing. installed_on is a
 * timestamptz: an instant, whatever the session's and the client's time zones.
 */
export function historyTableDdl(table: QualifiedName): string[] {
  const name = table.schema === undefined ? quoteIdent(table.name) : `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  const create = `CREATE TABLE IF NOT EXISTS ${name} (
  installed_rank integer NOT NULL PRIMARY KEY,
  version varchar(50),
  description varchar(200) NOT NULL,
  type varchar(20) NOT NULL,
  script varchar(1000) NOT NULL,
  checksum varchar(64),
  installed_by varchar(100) NOT NULL,
  installed_on timestamptz NOT NULL DEFAULT now(),
  execution_time integer NOT NULL,
  success boolean NOT NULL,
  progress integer,
  progress_checksum varchar(64),
  error_line integer,
  error text
)`;
  return table.schema === undefined ? [create] : [`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(table.schema)}`, create];
}

/** Whether the history table exists; without a schema, in the schema unqualified names are created in. */
export async function historyTableExists(conn: Connection, table: QualifiedName): Promise<boolean> {
  const rows = await conn.query(
    `SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = coalesce($1, current_schema()) AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
    [table.schema ?? null, table.name],
  );
  return rows.length > 0;
}

/** The first existing schema on the search_path, where unqualified names are created; "public" if none. */
export async function defaultSchema(conn: Connection): Promise<string> {
  const rows = await conn.query<{ schema: string | null }>("SELECT current_schema() AS schema");
  return rows[0]?.schema ?? "public";
}
