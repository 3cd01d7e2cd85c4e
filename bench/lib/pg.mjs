/**
 * Scratch PostgreSQL databases with random names, created through `psql` and always dropped,
 * also when the process ends early (Ctrl-C, an exception).
 */
import { randomBytes } from "node:crypto";
import { capture } from "./timing.mjs";

/** The server, as a URL to its maintenance database. Override with BENCH_PG_URL. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const DB_PREFIX = "shale_bench_";

const live = new Set();

/** Runs SQL on the maintenance database and returns psql's unaligned output. */
export function adminSql(sql, url = PG_ADMIN_URL) {
  return capture("psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]);
}

/** A URL to another database on the same server. */
export function urlFor(database, params = "") {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  url.search = params;
  return url.toString();
}

/** Creates an empty database with a random name: { name, url }. */
export function createDatabase() {
  const name = `${DB_PREFIX}${randomBytes(6).toString("hex")}`;
  adminSql(`CREATE DATABASE ${name}`);
  live.add(name);
  return { name, url: urlFor(name) };
}

/** Drops a database made by createDatabase, ending any session still on it. */
export function dropDatabase(name) {
  adminSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  live.delete(name);
}

/** Databases whose name has the bench prefix: should be none after a run. */
export function leftoverDatabases() {
  const out = adminSql(`SELECT datname FROM pg_database WHERE datname LIKE '${DB_PREFIX}%' ORDER BY 1`);
  return out ? out.split("\n") : [];
}

/** `SHOW server_version`, or undefined when the server does not answer. */
export function postgresVersion() {
  try {
    return adminSql("SHOW server_version");
  } catch {
    return undefined;
  }
}

function dropAllLive() {
  for (const name of [...live]) {
    try {
      dropDatabase(name);
    } catch {
      // Best effort on the way out.
    }
  }
}
process.on("exit", dropAllLive);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    dropAllLive();
    process.exit(130);
  });
}
