/** What `clean` runs on PostgreSQL: a DROP for every object in the target schemas. */
import { readFile } from "node:fs/promises";
import type { Connection } from "../dialect.js";
import { quoteIdent } from "./quote.js";

interface CleanRow {
  kind: string;
  schema: string;
  name: string;
  args: string | null;
}

/**
 * The DROP statements for every object in `schemas`, from one catalog query. Each is
 * IF EXISTS ... CASCADE: a drop may already have taken a later object along (a view on a
 * view, a partition), and objects elsewhere that depend on these go too, as in Flyway.
 * Extensions installed in a target schema are dropped last.
 */
export async function planClean(conn: Connection, schemas: readonly string[]): Promise<string[]> {
  if (schemas.length === 0) return [];
  const query = await readFile(new URL("./queries/clean-objects.sql", import.meta.url), "utf8");
  const rows = await conn.query<CleanRow>(query, [[...schemas]]);
  return rows.map(dropStatement);
}

function dropStatement(row: CleanRow): string {
  if (row.kind === "EXTENSION") return `DROP EXTENSION IF EXISTS ${quoteIdent(row.name)} CASCADE`;
  const name = `${quoteIdent(row.schema)}.${quoteIdent(row.name)}`;
  const signature = row.args === null ? "" : `(${row.args})`;
  return `DROP ${row.kind} IF EXISTS ${name}${signature} CASCADE`;
}
