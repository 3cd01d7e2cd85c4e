/** Small catalog reads for tests: which tables exist, what the history table holds. */
import type { Connection, DialectName } from "../../src/dialects/dialect.js";

/** Names of the tables (and views) in the connection's default schema, sorted. */
export async function tableNames(conn: Connection, dialect: DialectName): Promise<string[]> {
  const sql =
    dialect === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
      : dialect === "postgres"
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()";
  const rows = await conn.query<{ name?: string; NAME?: string }>(sql);
  return rows.map((r) => String(r.name ?? r.NAME)).filter((n) => n !== "shale_lock").sort();
}

/** The history rows as plain objects, oldest first. */
export async function historyRows(conn: Connection, table = "shale_history"): Promise<Record<string, unknown>[]> {
  return conn.query(`SELECT version, script, type, success, progress, checksum FROM ${table} ORDER BY installed_rank`);
}

/** What a refused command must leave as it was: the tables and the history rows. */
export interface Snapshot {
  readonly tables: string[];
  readonly history: Record<string, unknown>[];
}

/** The tables and history rows of the connection's database, to compare before and after. */
export async function snapshot(conn: Connection, dialect: DialectName): Promise<Snapshot> {
  const tables = await tableNames(conn, dialect);
  return { tables, history: tables.includes("shale_history") ? await historyRows(conn) : [] };
}
