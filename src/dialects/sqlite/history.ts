/** The history table on SQLite: its DDL, whether it exists, and the default schema. */
import type { Connection, QualifiedName } from "../dialect.js";
import { quoteIdent } from "./quote.js";

/** DDL that creates the history table if missing; a schema here is an attached database ("main"). installed_on is UTC text. */
export function historyTableDdl(table: QualifiedName): string[] {
  const name = table.schema === undefined ? quoteIdent(table.name) : `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  return [
    `CREATE TABLE IF NOT EXISTS ${name} (
  installed_rank INTEGER NOT NULL PRIMARY KEY,
  version TEXT,
  description TEXT NOT NULL,
  type TEXT NOT NULL,
  script TEXT NOT NULL,
  checksum TEXT,
  installed_by TEXT NOT NULL,
  installed_on TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  execution_time INTEGER NOT NULL,
  success INTEGER NOT NULL,
  progress INTEGER,
  progress_checksum TEXT,
  error_line INTEGER,
  error TEXT
)`,
  ];
}

/** Whether the history table exists in the given attached database, "main" by default. */
export async function historyTableExists(conn: Connection, table: QualifiedName): Promise<boolean> {
  const rows = await conn.query(`SELECT 1 FROM ${quoteIdent(table.schema ?? "main")}.sqlite_master WHERE type = 'table' AND name = ?`, [
    table.name,
  ]);
  return rows.length > 0;
}

/** SQLite's main database. */
export async function defaultSchema(): Promise<string> {
  return "main";
}
