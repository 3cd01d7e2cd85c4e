/**
 * Generated schemas loaded into scratch databases (one `psql -f` / `mariadb <` run each,
 * untimed), and fingerprints of what a database holds, to check that a tool's output loads
 * back into the same schema.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createMysqlDatabase, mysqlScript, mysqlSql } from "./mysql.mjs";
import { adminSql, createDatabase } from "./pg.mjs";
import { mysqlDdl, postgresDdl } from "./schema-sql.mjs";
import { capture } from "./timing.mjs";

/** Runs a SQL file on a PostgreSQL database with psql, stopping at the first error. */
export function psqlFile(url, file) {
  capture("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", file]);
}

/** A fresh PostgreSQL database holding the model: { name, url, loadMs, file }. */
export function loadPostgres(model, dir, label) {
  const file = join(dir, `${label}.pg.sql`);
  writeFileSync(file, postgresDdl(model));
  const db = createDatabase();
  const start = process.hrtime.bigint();
  psqlFile(db.url, file);
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
  // Fresh catalog statistics, as autovacuum would soon gather anyway: without them the
  // planner's estimates for the catalogs are those of an empty database, and autovacuum
  // might gather them halfway through the runs.
  adminSql("ANALYZE", db.url);
  return { ...db, file, loadMs };
}

/** A fresh MariaDB database holding the model: { name, url, loadMs, file }. */
export function loadMysql(model, dir, label) {
  const file = join(dir, `${label}.mysql.sql`);
  const sql = mysqlDdl(model);
  writeFileSync(file, sql);
  const db = createMysqlDatabase();
  const start = process.hrtime.bigint();
  mysqlScript(db.name, sql);
  return { ...db, file, loadMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

const PG_FINGERPRINT = `WITH t AS (
  SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'
)
SELECT (SELECT count(*) FROM t) || ' tables, ' ||
  (SELECT count(*) FROM pg_attribute a JOIN t ON t.oid = a.attrelid WHERE a.attnum > 0 AND NOT a.attisdropped) || ' columns, ' ||
  (SELECT count(*) FROM pg_index i JOIN t ON t.oid = i.indrelid WHERE NOT i.indisprimary) || ' indexes, ' ||
  (SELECT count(*) FROM pg_constraint k JOIN t ON t.oid = k.conrelid WHERE k.contype = 'f') || ' foreign keys, ' ||
  (SELECT count(*) FROM pg_constraint k JOIN t ON t.oid = k.conrelid WHERE k.contype = 'c') || ' checks, ' ||
  (SELECT count(*) FROM pg_views WHERE schemaname = 'public') || ' views, ' ||
  (SELECT count(*) FROM pg_type y JOIN pg_namespace n ON n.oid = y.typnamespace WHERE n.nspname = 'public' AND y.typtype = 'e') || ' enums'`;

/** What a PostgreSQL database's `public` schema holds, as one line of counts. */
export function postgresFingerprint(url) {
  return adminSql(PG_FINGERPRINT, url);
}

/** What a MariaDB database holds, as one line of counts. */
export function mysqlFingerprint(name) {
  const q = (sql) => mysqlSql(sql.replaceAll("$db", `'${name}'`));
  return [
    `${q("SELECT count(*) FROM information_schema.tables WHERE table_schema = $db AND table_type = 'BASE TABLE'")} tables`,
    `${q("SELECT count(*) FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name) WHERE c.table_schema = $db AND t.table_type = 'BASE TABLE'")} columns`,
    `${q("SELECT count(DISTINCT table_name, index_name) FROM information_schema.statistics WHERE table_schema = $db AND index_name <> 'PRIMARY'")} indexes`,
    `${q("SELECT count(*) FROM information_schema.referential_constraints WHERE constraint_schema = $db")} foreign keys`,
    `${q("SELECT count(*) FROM information_schema.views WHERE table_schema = $db")} views`,
  ].join(", ");
}
