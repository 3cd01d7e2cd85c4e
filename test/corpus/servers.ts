/**
 * The live servers the corpus runs on: what each one is (version, flavor) and fresh,
 * throw-away databases on it, made with the test suite's own helpers.
 */
import { loadDialect } from "../../src/dialects/load.js";
import { parseDatabaseUrl, type DialectName } from "../../src/dialects/url.js";
import type { Connection, Dialect } from "../../src/dialects/dialect.js";
import { createTestDatabase, mysqlAdminUrl, pgAdminUrl } from "../support/databases.js";
import type { ServerInfo } from "./select.js";

/** A fresh database for one side of a case, with its connection. */
export interface CaseDatabase {
  readonly conn: Connection;
  /** Opens another connection to it, for work whose session settings must not leak into `conn`. */
  connect(): Promise<Connection>;
  /** The database's name (MySQL, PostgreSQL) or file (SQLite). */
  readonly name: string;
  /** Closes the connection and drops the database, whatever state it is in. */
  dispose(): Promise<void>;
}

/** Creates an empty database on the dialect's test server and connects to it. */
export async function freshDatabase(dialect: Dialect): Promise<CaseDatabase> {
  const db = await createTestDatabase(dialect.name);
  let conn: Connection;
  try {
    conn = await dialect.connect(parseDatabaseUrl(db.url));
  } catch (err) {
    await db.drop();
    throw err;
  }
  const url = parseDatabaseUrl(db.url);
  return {
    conn,
    name: url.database ?? url.file ?? "",
    connect: () => dialect.connect(url),
    async dispose() {
      // A connection stuck in a failed statement must not keep the database from being dropped.
      await Promise.race([conn.close().catch(() => undefined), delay(5000)]);
      await db.drop();
    },
  };
}

/** Connects to the server as admin and reads what it is; throws when it is unreachable. */
export async function probeServer(dialectName: DialectName): Promise<ServerInfo> {
  const dialect = await loadDialect(dialectName);
  const url = dialectName === "postgres" ? pgAdminUrl() : dialectName === "mysql" ? mysqlAdminUrl() : "sqlite::memory:";
  const conn = await dialect.connect(parseDatabaseUrl(url));
  try {
    return await describeServer(dialectName, conn);
  } finally {
    await conn.close();
  }
}

async function describeServer(dialect: DialectName, conn: Connection): Promise<ServerInfo> {
  switch (dialect) {
    case "postgres": {
      const [row] = await conn.query<{ version: string; vector: boolean }>(
        "SELECT current_setting('server_version') AS version, EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS vector",
      );
      return { dialect, version: row!.version, flavors: row!.vector ? ["pgvector"] : [] };
    }
    case "mysql": {
      const [row] = await conn.query<{ version: string }>("SELECT VERSION() AS version");
      const version = row!.version;
      return { dialect, version, flavors: [/mariadb/i.test(version) ? "mariadb" : "mysql"] };
    }
    case "sqlite": {
      const [row] = await conn.query<{ version: string }>("SELECT sqlite_version() AS version");
      return { dialect, version: row!.version, flavors: [] };
    }
  }
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}
