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

/** The catalog queries, one per kind of object. */
const QUERY_NAMES = ["namespaces", "extensions", "enums", "domains", "sequences", "tables", "columns", "constraints", "indexes", "views", "routines", "triggers"];

/**
 * Starts reading every query's text at once. Read when first needed, a file's read finished
 * behind the parsing of another query's rows, stalling its lane by up to 15 ms. A failed read
 * is reported where its text is awaited.
 */
function readQueries(): void {
  for (const name of QUERY_NAMES) query(name).catch(() => undefined);
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
  readQueries();
  return inOneSnapshot(conn, async (version, helper) => {
    const namespaceRows = await rows<NamespaceRow>(conn, "namespaces", [options.schemas ? [...options.schemas] : null]);
    const names = namespaceRows.map((row) => row.name);
    const inSchemas = [names];
    const inTables = [names, [...(options.excludeTables ?? [])]];
    // Two lanes of about equal time: the columns query costs about as much as the constraints
    // and indexes queries together. Each lane runs its queries one after another (pg
    // deprecates overlapping queries on one client); with a helper connection the lanes run
    // side by side, each on a server process of its own.
    const side = helper ?? conn;
    const sideLane = async () => ({
      columns: await rows<ColumnRow>(side, "columns", inTables),
      tables: await rows<TableRow>(side, "tables", inTables),
      views: await rows<ViewRow>(side, "views", inSchemas),
      sequences: await rows<SequenceRow>(side, "sequences", inSchemas),
      enums: await rows<EnumRow>(side, "enums", inSchemas),
      domains: await rows<DomainRow>(side, "domains", inSchemas),
      routines: await rows<RoutineRow>(side, "routines", inSchemas),
      triggers: await rows<TriggerRow>(side, "triggers", inTables),
      extensions: await rows<ExtensionRow>(side, "extensions", inSchemas),
    });
    const mainLane = async () => ({
      constraints: await rows<ConstraintRow>(conn, "constraints", inTables),
      indexes: await conn.query<IndexRow>(await indexesQuery(version), inTables),
    });
    const [s, m] = helper ? await both(sideLane(), mainLane()) : [await sideLane(), await mainLane()];
    const built = buildTables(s.tables, s.columns, m.constraints, m.indexes);
    return {
      dialect: "postgres",
      namespaces: namespacesOf(namespaceRows),
      extensions: extensionsOf(s.extensions),
      enums: sortByName(enumsOf(s.enums)),
      domains: sortByName(domainsOf(s.domains)),
      sequences: sortByName(sequencesOf(s.sequences)),
      tables: sortByName(built.tables),
      views: sortByName(viewsOf(s.views, built.viewIndexes)),
      routines: routinesOf(s.routines),
      triggers: triggersOf(s.triggers),
    };
  });
}

/** Both results; when either fails, waits for the other to settle before throwing, so no query is left running. */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === "rejected") throw ra.reason;
  if (rb.status === "rejected") throw rb.reason;
  return [ra.value, rb.value];
}

/**
 * Runs `work` with an empty search_path, so that the server qualifies every name outside
 * pg_catalog in the text it prints (types, defaults, view bodies) whatever the session's
 * setting was: two databases then print equal objects the same way. The setting is restored.
 *
 * The catalog queries run in one read-only REPEATABLE READ transaction, as pg_dump's do, so
 * that they all see one snapshot: DDL committed meanwhile cannot give, say, a table without
 * the column another query saw. That snapshot is exported to a helper connection (as
 * `pg_dump -j` shares its snapshot with its workers), so `work` may split its queries over the
 * two. Without a helper (none can be opened, or the server refuses the snapshot: a pooler, a
 * connection limit) `work` runs on `conn` alone. Inside a transaction of the caller's (now() is
 * then the time it began, not this statement's) the queries run in that one instead, which is
 * left open, and on `conn` alone, since no other session can see what that transaction did.
 */
async function inOneSnapshot<T>(conn: Connection, work: (version: number, helper?: Connection) => Promise<T>): Promise<T> {
  const [session] = await conn.query<{ path: string; idle: boolean; version: string }>(
    "SELECT pg_catalog.current_setting('search_path') AS path, pg_catalog.now() = pg_catalog.statement_timestamp() AS idle, " +
      "pg_catalog.current_setting('server_version_num') AS version",
  );
  const own = session?.idle === true;
  // Opened while this connection starts its transaction; a failure only means no helper.
  const opening = own && conn.openAnother ? conn.openAnother().catch(() => undefined) : undefined;
  await conn.query("SELECT pg_catalog.set_config('search_path', '', false)");
  const restore = (): Promise<unknown> => conn.query("SELECT pg_catalog.set_config('search_path', $1, false)", [session?.path ?? ""]);
  let helper: Connection | undefined;
  try {
    if (own) await conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (opening) helper = await joinSnapshot(conn, await opening);
    const result = await work(Number(session?.version ?? 0), helper);
    if (own) await conn.query("COMMIT");
    await restore();
    return result;
  } catch (err) {
    if (own) await conn.query("ROLLBACK").catch(() => undefined);
    await restore().catch(() => undefined);
    throw err;
  } finally {
    // Closing ends the helper's read-only transaction. A helper that did not take the snapshot
    // up, or was still opening when an error came, is closed too: its socket would keep the
    // process alive.
    await (await opening)?.close().catch(() => undefined);
  }
}

/** A snapshot name as pg_export_snapshot() prints it, e.g. 00000003-0000001B-1. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;

/**
 * Exports the snapshot of `conn`'s open transaction and has `helper` (when there is one) take
 * it up in a read-only REPEATABLE READ transaction of its own, with the same empty search_path.
 * Returns the helper ready for queries, or undefined when that fails (the caller closes it);
 * a failed export aborts `conn`'s transaction, which then starts again.
 */
async function joinSnapshot(conn: Connection, helper: Connection | undefined): Promise<Connection | undefined> {
  if (!helper) return undefined;
  let id: string | undefined;
  try {
    const exported = await conn.query<{ id: string }>("SELECT pg_catalog.pg_export_snapshot() AS id");
    id = exported[0]?.id;
  } catch {
    await conn.query("ROLLBACK");
    await conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  try {
    if (!id || !SNAPSHOT_ID.test(id)) throw new Error(`no snapshot to share (${id})`);
    await helper.query("SELECT pg_catalog.set_config('search_path', '', false)");
    await helper.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // SET takes no parameters; the name was checked above.
    await helper.query(`SET TRANSACTION SNAPSHOT '${id}'`);
    return helper;
  } catch {
    return undefined;
  }
}
