/** What `clean` runs on MySQL/MariaDB: a DROP for every object in the target databases. */
import type { Connection } from "../dialect.js";
import { queryText } from "./inspect-rows.js";
import { quoteIdent } from "./quote.js";

interface CleanRow {
  kind: string;
  name: string;
}

/**
 * The statements that empty `schemas` (databases), one catalog query each. Foreign key checks
 * are off meanwhile so that tables drop in any order, cycles included; the statements must
 * run in order on one connection, as the setting belongs to the session.
 */
export async function planClean(conn: Connection, schemas: readonly string[]): Promise<string[]> {
  if (schemas.length === 0) return [];
  const query = await queryText("clean-objects");
  const drops: string[] = [];
  for (const schema of schemas) {
    const rows = await conn.query<CleanRow>(query, [schema, schema, schema, schema, schema]);
    for (const row of rows) drops.push(`DROP ${row.kind} IF EXISTS ${quoteIdent(schema)}.${quoteIdent(row.name)}`);
  }
  return ["SET FOREIGN_KEY_CHECKS = 0", ...drops, "SET FOREIGN_KEY_CHECKS = 1"];
}
