/**
 * Scratch MariaDB/MySQL databases with random names, created through the `mariadb` (or
 * `mysql`) client and always dropped, also when the process ends early.
 */
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { DB_PREFIX } from "./pg.mjs";
import { capture } from "./timing.mjs";

/** The server, as a URL. Override with BENCH_MYSQL_URL. */
export const MYSQL_ADMIN_URL = process.env.BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/";

const admin = new URL(MYSQL_ADMIN_URL);
const live = new Set();

/** The command-line client: `mariadb` where installed, else `mysql`. */
export const MYSQL_CLIENT = spawnSync("mariadb", ["--version"]).status === 0 ? "mariadb" : "mysql";

/** Connection arguments for the client tools (mariadb, mysqldump). */
export function mysqlArgs() {
  const args = ["-h", admin.hostname, "-P", admin.port || "3306", "-u", decodeURIComponent(admin.username || "root")];
  if (admin.password) args.push(`-p${decodeURIComponent(admin.password)}`);
  return args;
}

/** Runs SQL (on `database`, when given) and returns the client's tab-separated output. */
export function mysqlSql(sql, database) {
  return capture(MYSQL_CLIENT, [...mysqlArgs(), "-N", "-B", ...(database ? [database] : []), "-e", sql]);
}

/** Runs a whole SQL script on a database, as `mariadb db < file` does. */
export function mysqlScript(database, sql) {
  return capture(MYSQL_CLIENT, [...mysqlArgs(), database], { input: sql });
}

/** Creates an empty database with a random name: { name, url }. */
export function createMysqlDatabase() {
  const name = `${DB_PREFIX}${randomBytes(6).toString("hex")}`;
  mysqlSql(`CREATE DATABASE ${name}`);
  live.add(name);
  const url = new URL(MYSQL_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops a database made by createMysqlDatabase. */
export function dropMysqlDatabase(name) {
  mysqlSql(`DROP DATABASE IF EXISTS ${name}`);
  live.delete(name);
}

/** Databases whose name has the bench prefix: should be none after a run; undefined when the server does not answer. */
export function leftoverMysqlDatabases() {
  try {
    const out = mysqlSql(`SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '${DB_PREFIX}%' ORDER BY 1`);
    return out ? out.split("\n") : [];
  } catch {
    return undefined;
  }
}

process.on("exit", () => {
  for (const name of [...live]) {
    try {
      dropMysqlDatabase(name);
    } catch {
      // Best effort on the way out.
    }
  }
});
