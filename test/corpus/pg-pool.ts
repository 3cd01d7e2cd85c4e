/**
 * Reused PostgreSQL databases for the corpus. DROP DATABASE waits for a checkpoint and
 * CREATE DATABASE copies the template through the WAL, about a second each on a busy server,
 * while emptying a database takes milliseconds. A database goes back to the pool only when
 * a catalog fingerprint shows it equal to how it was when made; otherwise it is dropped.
 */
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import { delay, freshDatabase, type CaseDatabase } from "./servers.js";
import type { ClosableSource } from "./sources.js";

/** Drops every schema but public, every extension, every event trigger. */
const RESET_SQL = `DO $reset$
DECLARE r record;
BEGIN
  FOR r IN SELECT evtname FROM pg_catalog.pg_event_trigger LOOP
    EXECUTE format('DROP EVENT TRIGGER %I CASCADE', r.evtname);
  END LOOP;
  FOR r IN SELECT nspname FROM pg_catalog.pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
  END LOOP;
END
$reset$`;

/**
 * What a database holds beyond the server's own objects: its schemas with owner, privileges
 * and comment; the number of objects of every kind made after initdb (OID 16384 and up); its
 * settings and comment. Two databases with the same fingerprint look alike to any inspector.
 */
const FINGERPRINT_SQL = `SELECT pg_catalog.json_build_object(
  'schemas', (SELECT pg_catalog.json_agg(pg_catalog.json_build_array(nspname, pg_catalog.pg_get_userbyid(nspowner), nspacl::text,
      pg_catalog.obj_description(oid, 'pg_namespace')) ORDER BY nspname)
    FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'),
  'objects', (SELECT pg_catalog.json_agg(n ORDER BY n) FROM (
    ${[
      "pg_class",
      "pg_type",
      "pg_proc",
      "pg_constraint",
      "pg_trigger",
      "pg_rewrite",
      "pg_attrdef",
      "pg_policy",
      "pg_extension",
      "pg_event_trigger",
      "pg_cast",
      "pg_language",
      "pg_collation",
      "pg_conversion",
      "pg_operator",
      "pg_opclass",
      "pg_opfamily",
      "pg_am",
      "pg_ts_config",
      "pg_ts_dict",
      "pg_ts_parser",
      "pg_ts_template",
      "pg_foreign_data_wrapper",
      "pg_foreign_server",
      "pg_publication",
      "pg_default_acl",
      "pg_statistic_ext",
      "pg_transform",
      "pg_largeobject_metadata",
    ]
      .map((t) => `SELECT '${t}:' || count(*) AS n FROM pg_catalog.${t} WHERE oid >= 16384`)
      .join("\n    UNION ALL ")}
  ) counts),
  'settings', (SELECT pg_catalog.json_agg(s.setconfig::text ORDER BY s.setrole) FROM pg_catalog.pg_db_role_setting s
    JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase WHERE d.datname = pg_catalog.current_database()),
  'comment', (SELECT pg_catalog.shobj_description(d.oid, 'pg_database') FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
)::text AS fingerprint`;

async function fingerprint(conn: Connection): Promise<string> {
  const [row] = await conn.query<{ fingerprint: string }>(FINGERPRINT_SQL);
  return row!.fingerprint;
}

interface Pooled {
  readonly db: CaseDatabase;
  /** The fingerprint the database had when it was made. */
  readonly pristine: string;
}

/** A DatabaseSource for PostgreSQL that empties returned databases and hands them out again. */
export class PostgresPool implements ClosableSource {
  private readonly idle: Pooled[] = [];
  private readonly lent = new Map<CaseDatabase, Pooled>();
  /** Databases found unequal to their fresh state after a reset, and dropped instead of reused. */
  discarded = 0;

  constructor(private readonly dialect: Dialect) {}

  async take(): Promise<CaseDatabase> {
    const pooled = this.idle.pop() ?? (await this.made());
    // A case gets a connection of its own: settings a case made on the last one must not carry over.
    const conn = await pooled.db.connect();
    const lent: CaseDatabase = { conn, name: pooled.db.name, connect: pooled.db.connect, dispose: async () => conn.close() };
    this.lent.set(lent, pooled);
    return lent;
  }

  async release(lent: CaseDatabase, abandoned = false): Promise<void> {
    const pooled = this.lent.get(lent);
    if (!pooled) throw new Error(`release: ${lent.name} was not taken from this pool`);
    this.lent.delete(lent);
    // An abandoned case may still be running on its connection: drop the database, which ends it.
    if (!abandoned) await Promise.race([lent.dispose().catch(() => undefined), delay(5000)]);
    if (!abandoned && (await this.reset(pooled))) this.idle.push(pooled);
    else {
      this.discarded++;
      await pooled.db.dispose();
    }
  }

  /** Drops every pooled database; call once all cases are done. */
  async close(): Promise<string[]> {
    const problems: string[] = [];
    for (const pooled of this.idle.splice(0)) {
      await pooled.db.dispose().catch((err: unknown) => problems.push(`could not drop ${pooled.db.name}: ${String(err)}`));
    }
    return problems;
  }

  private async made(): Promise<Pooled> {
    const db = await freshDatabase(this.dialect);
    return { db, pristine: await fingerprint(db.conn) };
  }

  /** Empties the database; true when it is then equal to how it was made. */
  private async reset(pooled: Pooled): Promise<boolean> {
    const { conn } = pooled.db;
    try {
      await conn.exec(RESET_SQL);
      for (const statement of await this.dialect.planClean(conn, ["public"])) await conn.exec(statement);
      return (await fingerprint(conn)) === pooled.pristine;
    } catch {
      return false;
    }
  }
}
