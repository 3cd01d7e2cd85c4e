/**
 * Throw-away databases for tests: each test creates its own database on the real servers
 * (or a SQLite file in a fresh folder) and drops it afterwards. Suites written once run
 * on every dialect through `describeEachDialect`.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Connection } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { parseDatabaseUrl, type DialectName } from "../../src/dialects/url.js";

/** Every dialect shale supports, in the order suites run. */
export const ALL_DIALECTS: readonly DialectName[] = ["sqlite", "postgres", "mysql"];

/** A database created for one test; `drop` removes it and anything left in it. */
export interface TestDatabase {
  dialect: DialectName;
  /** The full URL to connect to it. */
  url: string;
  drop(): Promise<void>;
}

/** The admin URL used to create and drop PostgreSQL test databases. */
export function pgAdminUrl(): string {
  return process.env.SHALE_TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** The admin URL used to create and drop MySQL/MariaDB test databases. */
export function mysqlAdminUrl(): string {
  return process.env.SHALE_TEST_MYSQL_ADMIN_URL ?? "mysql://root@127.0.0.1:3306/mysql";
}

/** Creates an empty database named `shale_t_<hex>` (SQLite: a file in a fresh temp folder). */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = `shale_t_${randomBytes(6).toString("hex")}`;
  switch (dialect) {
    case "sqlite": {
      const dir = await mkdtemp(join(tmpdir(), "shale-t-"));
      return {
        dialect,
        url: `sqlite:${join(dir, `${name}.db`)}`,
        drop: () => rm(dir, { recursive: true, force: true }),
      };
    }
    case "postgres": {
      await withPgAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
      return { dialect, url: withDatabase(pgAdminUrl(), name), drop: () => dropPgDatabase(name) };
    }
    case "mysql": {
      await withMysqlAdmin((conn) => conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`));
      return { dialect, url: withDatabase(mysqlAdminUrl(), name), drop: () => dropMysqlDatabase(name) };
    }
  }
}

/** Opens a connection to a test database through its dialect. */
export async function connectTestDatabase(db: TestDatabase): Promise<Connection> {
  const dialect = await loadDialect(db.dialect);
  return dialect.connect(parseDatabaseUrl(db.url));
}

/** The dialects to test: all, or those listed in SHALE_TEST_DIALECTS (comma-separated). */
export function dialectsUnderTest(): readonly DialectName[] {
  const wanted = process.env.SHALE_TEST_DIALECTS?.trim();
  if (!wanted) return ALL_DIALECTS;
  const names = wanted.split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!(ALL_DIALECTS as readonly string[]).includes(name)) {
      throw new Error(`SHALE_TEST_DIALECTS names an unknown dialect "${name}" (known: ${ALL_DIALECTS.join(", ")})`);
    }
  }
  return ALL_DIALECTS.filter((d) => names.includes(d));
}

/**
 * Runs `body` once per dialect as a node:test `describe`; if a server is unreachable: with
 * CI=true the suite FAILS; otherwise it is skipped with the reason shown.
 */
export function describeEachDialect(title: string, body: (dialect: DialectName) => void): void {
  for (const dialect of dialectsUnderTest()) {
    describe(`${title} [${dialect}]`, async () => {
      const problem = await serverProblem(dialect);
      if (problem === undefined) {
        body(dialect);
        return;
      }
      if (process.env.CI === "true") throw new Error(`${dialect} server unreachable: ${problem}`);
      it(`${dialect} server unreachable`, { skip: problem }, () => {});
    });
  }
}

const probes = new Map<DialectName, Promise<string | undefined>>();

/** Why the dialect's server cannot be used, or undefined when it can; asked once per process. */
function serverProblem(dialect: DialectName): Promise<string | undefined> {
  let probe = probes.get(dialect);
  if (!probe) {
    probe = probeServer(dialect).then(
      () => undefined,
      (err: unknown) => (err instanceof Error ? err.message : String(err)) || String(err),
    );
    probes.set(dialect, probe);
  }
  return probe;
}

async function probeServer(dialect: DialectName): Promise<void> {
  if (dialect === "postgres") await withPgAdmin((client) => client.query("SELECT 1"));
  if (dialect === "mysql") await withMysqlAdmin((conn) => conn.query("SELECT 1"));
}

function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function dropPgDatabase(name: string): Promise<void> {
  await withPgAdmin(async (client) => {
    const { rows } = await client.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
    if (rows[0]!.v >= 130000) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    }
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
  });
}

async function dropMysqlDatabase(name: string): Promise<void> {
  await withMysqlAdmin(async (conn) => {
    // A leaked connection holding a metadata lock would make DROP DATABASE wait forever.
    const [rows] = await conn.query("SELECT id FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()", [name]);
    for (const row of rows as { id: number }[]) {
      await conn.query(`KILL ${Number(row.id)}`).catch(() => undefined);
    }
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  });
}

type PgClient = import("pg").Client;
type MysqlConnection = import("mysql2/promise").Connection;

async function withPgAdmin<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 5000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` on a short-lived admin connection to the MySQL/MariaDB server. */
export async function withMysqlAdmin<T>(work: (conn: MysqlConnection) => Promise<T>): Promise<T> {
  const mysql = await import("mysql2/promise");
  const conn = await mysql.createConnection({ uri: mysqlAdminUrl(), connectTimeout: 5000 });
  try {
    return await work(conn);
  } finally {
    await conn.end();
  }
}
