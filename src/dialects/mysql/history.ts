/** The history table on MySQL/MariaDB: its DDL, whether it exists, and the default schema. */
import { ShaleError } from "../../errors.js";
import type { Connection, QualifiedName } from "../dialect.js";
import { quoteIdent } from "./quote.js";

/**
 * DDL that creates the history table if missing; a schema here is a database. installed_on
 * is UTC whatever the session's time zone (an expression default: MySQL 8.0.13+, MariaDB
 * 10.2+), and the table is utf8mb4 whatever the database's default.
 */
export function historyTableDdl(table: QualifiedName): string[] {
  const name = table.schema === undefined ? quoteIdent(table.name) : `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
  return [
    `CREATE TABLE IF NOT EXISTS ${name} (
  installed_rank INT NOT NULL PRIMARY KEY,
  version VARCHAR(50) NULL,
  description VARCHAR(200) NOT NULL,
  type VARCHAR(20) NOT NULL,
  script VARCHAR(1000) NOT NULL,
  checksum VARCHAR(64) NULL,
  installed_by VARCHAR(100) NOT NULL,
  installed_on DATETIME NOT NULL DEFAULT (UTC_TIMESTAMP()),
  execution_time INT NOT NULL,
  success BOOLEAN NOT NULL,
  progress INT NULL,
  progress_checksum VARCHAR(64) NULL,
  error_line INT NULL,
  error TEXT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  ];
}

/** Whether the history table exists; without a schema, in the connection's database. */
export async function historyTableExists(conn: Connection, table: QualifiedName): Promise<boolean> {
  const rows = await conn.query(
    `SELECT 1 FROM information_schema.tables
     WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ? AND table_type = 'BASE TABLE'`,
    [table.schema ?? null, table.name],
  );
  return rows.length > 0;
}

/** The connection's database, MySQL's only notion of a schema. */
export async function defaultSchema(conn: Connection): Promise<string> {
  const rows = await conn.query<{ schema: string | null }>("SELECT DATABASE() AS `schema`");
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new ShaleError("SHALE_E_DB", `The connection to ${conn.url.redacted} has no current database`, {
      hint: "Name the database in the URL, for example mysql://user@host:3306/app",
    });
  }
  return schema;
}
