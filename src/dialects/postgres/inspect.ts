/**
 * Reads a live PostgreSQL database into the IR from pg_catalog: one query per kind of object,
 * whatever the number of tables. The queries live in queries/inspect-*.sql.
 */
import { readFile } from "node:fs/promises";
import { sortByName } from "../../schema/names.js";
import type { Schema } from "../../schema/types.js";
import type { Connection, InspectOptions } from "../dialect.js";
import {
  domainsOf,
  enumsOf,
  extensionsOf,
  namespacesOf,
  routinesOf,
  sequencesOf,
  triggersOf,
  viewsOf,
  type DomainRow,
  type EnumRow,
  type ExtensionRow,
  type NamespaceRow,
  type RoutineRow,
  type SequenceRow,
  type TriggerRow,
  type ViewRow,
} from "./inspect-objects.js";
import { buildTables, type ColumnRow, type ConstraintRow, type IndexRow, type TableRow } from "./inspect-tables.js";

const queries = new Map<string, Promise<string>>();

/** The text of queries/inspect-<name>.sql, read once per process. */
function query(name: string): Promise<string> {
  let text = queries.get(name);
  if (!text) {
    text = readFile(new URL(`./queries/inspect-${name}.sql`, import.meta.url), "utf8");
    queries.set(name, text);
  }
  return text;
}

async function rows<T extends object>(conn: Connection, name: string, params: readonly unknown[]): Promise<T[]> {
  return conn.query<T>(await query(name), params);
}

/** The indexes query for the server's version: pg_index.indnullsnotdistinct exists from 15 on. */
async function indexesQuery(version: number): Promise<string> {
  const text = await query("indexes");
  return version >= 150000 ? text : text.replace("i.indnullsnotdistinct AS nulls_not_distinct", "false AS nulls_not_distinct");
}

/** Reads the schemas named in `options.schemas` (all user schemas when omitted) into the IR. */
export async function inspect(conn: Connection, options: InspectOptions = {}): Promise<Schema> {
  return inOneSnapshot(conn, async (version) => {
    const namespaceRows = await rows<NamespaceRow>(conn, "namespaces", [options.schemas ? [...options.schemas] : null]);
    const names = namespaceRows.map((row) => row.name);
    const inSchemas = [names];
    const inTables = [names, [...(options.excludeTables ?? [])]];
    // One after another: pg deprecates overlapping queries on one client, and the server runs
    // them one at a time anyway.
    const extensions = await rows<ExtensionRow>(conn, "extensions", inSchemas);
    const enums = await rows<EnumRow>(conn, "enums", inSchemas);
    const domains = await rows<DomainRow>(conn, "domains", inSchemas);
    const sequences = await rows<SequenceRow>(conn, "sequences", inSchemas);
    const tables = await rows<TableRow>(conn, "tables", inTables);
    const columns = await rows<ColumnRow>(conn, "columns", inTables);
    const constraints = await rows<ConstraintRow>(conn, "constraints", inTables);
    const indexes = await conn.query<IndexRow>(await indexesQuery(version), inTables);
    const views = await rows<ViewRow>(conn, "views", inSchemas);
    const routines = await rows<RoutineRow>(conn, "routines", inSchemas);
    const triggers = await rows<TriggerRow>(conn, "triggers", inTables);
    const built = buildTables(tables, columns, constraints, indexes);
    return {
      dialect: "postgres",
      namespaces: namespacesOf(namespaceRows),
      extensions: extensionsOf(extensions),
      enums: sortByName(enumsOf(enums)),
      domains: sortByName(domainsOf(domains)),
      sequences: sortByName(sequencesOf(sequences)),
      tables: sortByName(built.tables),
      views: sortByName(viewsOf(views, built.viewIndexes)),
      routines: routinesOf(routines),
      triggers: triggersOf(triggers),
    };
  });
}

/**
 * Runs `work` with an empty search_path, so that the server qualifies every name outside
 * pg_catalog in the text it prints (types, defaults, view bodies) whatever the session's
 * setting was: two databases then print equal objects the same way. The setting is restored.
 *
 * The catalog queries run in one read-only REPEATABLE READ transaction, as pg_dump's do, so
 * that they all see one snapshot: DDL committed meanwhile cannot give, say, a table without
 * the column another query saw. Inside a transaction of the caller's (now() is then the time
 * it began, not this statement's) they run in that one instead, which is left open.
 */
async function inOneSnapshot<T>(conn: Connection, work: (version: number) => Promise<T>): Promise<T> {
  const [session] = await conn.query<{ path: string; idle: boolean; version: string }>(
    "SELECT pg_catalog.current_setting('search_path') AS path, pg_catalog.now() = pg_catalog.statement_timestamp() AS idle, " +
      "pg_catalog.current_setting('server_version_num') AS version",
  );
  const own = session?.idle === true;
  await conn.query("SELECT pg_catalog.set_config('search_path', '', false)");
  const restore = (): Promise<unknown> => conn.query("SELECT pg_catalog.set_config('search_path', $1, false)", [session?.path ?? ""]);
  try {
    if (own) await conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const result = await work(Number(session?.version ?? 0));
    if (own) await conn.query("COMMIT");
    await restore();
    return result;
  } catch (err) {
    if (own) await conn.query("ROLLBACK").catch(() => undefined);
    await restore().catch(() => undefined);
    throw err;
  }
}
