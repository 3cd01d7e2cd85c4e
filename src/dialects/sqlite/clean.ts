/** What `clean` runs on SQLite: a DROP for every object in the target databases ("main"). */
import type { Connection } from "../dialect.js";
import { LOCK_TABLE } from "./lock.js";
import { quoteIdent } from "./quote.js";

interface CleanRow {
  type: "table" | "view" | "trigger";
  name: string;
}

/**
 * The statements that empty `schemas`. Foreign keys are off meanwhile so that tables drop in
 * any order (the pragma is ignored inside a transaction, so these must run outside one).
 * Left alone: SQLite's own tables, the shadow tables of virtual tables (dropped with them)
 * and the run-lock table, which the running command is holding.
 */
export async function planClean(conn: Connection, schemas: readonly string[]): Promise<string[]> {
  if (schemas.length === 0) return [];
  const drops: string[] = [];
  for (const schema of schemas) {
    const rows = await conn.query<CleanRow>(
      `SELECT m.type, m.name FROM ${quoteIdent(schema)}.sqlite_master m
       LEFT JOIN pragma_table_list l ON l.schema = ? AND l.name = m.name
       WHERE m.type IN ('view', 'trigger', 'table') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         AND coalesce(l.type, '') <> 'shadow' AND NOT (m.type = 'table' AND m.name = ?)
       ORDER BY CASE m.type WHEN 'view' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, m.name`,
      [schema, LOCK_TABLE],
    );
    for (const row of rows) drops.push(`DROP ${row.type.toUpperCase()} IF EXISTS ${quoteIdent(schema)}.${quoteIdent(row.name)}`);
  }
  return ["PRAGMA foreign_keys = OFF", ...drops, "PRAGMA foreign_keys = ON"];
}
