/**
 * MySQL/MariaDB connections over `mysql2/promise`, loaded only when a MySQL URL is used.
 *
 * Driver options, chosen on purpose: one statement per call (`multipleStatements: false`);
 * BIGINT and DECIMAL come back as strings (`bigNumberStrings`), as pg returns int8 and
 * numeric, so no value loses precision; DATE/DATETIME/TIMESTAMP come back as the server's
 * text (`dateStrings`), so no value is shifted by the client's time zone.
 */
import type { Connection as DriverConnection, ConnectionOptions, ExecuteValues, SslOptions } from "mysql2/promise";
import { ShaleError } from "../../errors.js";
import { connectFailure } from "../connect-error.js";
import { StatementFailure, type Connection, type Row } from "../dialect.js";
import type { DatabaseUrl } from "../url.js";

const CONNECT_TIMEOUT_MS = 10_000;

/** Opens a MySQL/MariaDB connection; failures become SHALE_E_CONNECT, _AUTH or _DATABASE_NOT_FOUND. */
export async function connect(url: DatabaseUrl): Promise<Connection> {
  const mysql = await import("mysql2/promise");
  let conn: DriverConnection;
  try {
    conn = await mysql.createConnection(connectionOptions(url));
  } catch (err) {
    throw classifyConnectError(url, err);
  }
  // mysql2 emits "error" when the server drops an idle connection; unheard, it would end the
  // process. The next query then fails with a StatementFailure instead.
  conn.on("error", () => undefined);
  return new MysqlConnection(conn, url);
}

function connectionOptions(url: DatabaseUrl): ConnectionOptions {
  const ssl = sslOption(url);
  return {
    host: url.host,
    port: url.port,
    socketPath: url.params.socket,
    user: url.user,
    password: url.password,
    database: url.database,
    charset: url.params.charset ?? "utf8mb4",
    multipleStatements: false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    connectTimeout: url.params.connect_timeout ? Number(url.params.connect_timeout) * 1000 : CONNECT_TIMEOUT_MS,
    ...(ssl ? { ssl } : {}),
  };
}

/** `ssl-mode` as the mysql client spells it (or `sslmode` as libpq does). */
function sslOption(url: DatabaseUrl): SslOptions | undefined {
  const given = url.params["ssl-mode"] ?? url.params.sslmode ?? "disabled";
  switch (given.toLowerCase().replace(/_/g, "-")) {
    case "disabled":
    case "disable":
    case "preferred":
    case "prefer":
      return undefined;
    case "required":
    case "require":
      return { rejectUnauthorized: false };
    case "verify-ca":
    case "verify-identity":
    case "verify-full":
      return { rejectUnauthorized: true };
    default:
      throw new ShaleError("SHALE_E_URL", `Unknown ssl-mode "${given}" in ${url.redacted}`, {
        hint: "Use ssl-mode=DISABLED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY",
      });
  }
}

/** MySQL error numbers that mean the login itself was refused. */
const AUTH_ERRORS = new Set([
  1044, // ER_DBACCESS_DENIED_ERROR: the user may not use that database
  1045, // ER_ACCESS_DENIED_ERROR: wrong password or unknown user
  1130, // ER_HOST_NOT_PRIVILEGED: the user may not connect from this host
  1251, // ER_NOT_SUPPORTED_AUTH_MODE
  1698, // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
]);

function classifyConnectError(url: DatabaseUrl, err: unknown): ShaleError {
  const errno = (err as { errno?: unknown }).errno;
  if (typeof errno === "number" && AUTH_ERRORS.has(errno)) return connectFailure("auth", url, err);
  if (errno === 1049) {
    const name = (url.database ?? "").replace(/`/g, "``");
    return connectFailure("database-missing", url, err, `Create it, for example: CREATE DATABASE \`${name}\``);
  }
  return connectFailure("unreachable", url, err);
}

class MysqlConnection implements Connection {
  readonly dialect = "mysql" as const;

  constructor(
    private readonly conn: DriverConnection,
    readonly url: DatabaseUrl,
  ) {}

  async query<T extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      // With parameters, a server-side prepared statement: mysql2's client-side escaping
      // writes \' and would be wrong under NO_BACKSLASH_ESCAPES.
      const [rows] =
        params.length > 0
          ? await this.conn.execute(sql, params.map((p) => (p === undefined ? null : p)) as ExecuteValues[])
          : await this.conn.query(sql);
      return Array.isArray(rows) ? (rows as T[]) : [];
    } catch (err) {
      throw failureFor(err, 0);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.conn.query(sql);
    } catch (err) {
      throw failureFor(err, 0);
    }
  }

  async execAtomic(statements: readonly string[]): Promise<void> {
    if (statements.length === 0) return;
    await this.exec("START TRANSACTION");
    for (let index = 0; index < statements.length; index += 1) {
      try {
        await this.conn.query(statements[index]!);
      } catch (err) {
        await this.conn.query("ROLLBACK").catch(() => undefined);
        throw failureFor(err, index);
      }
    }
    await this.exec("COMMIT");
  }

  async begin(): Promise<void> {
    await this.exec("START TRANSACTION");
  }

  async commit(): Promise<void> {
    await this.exec("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.exec("ROLLBACK");
  }

  async close(): Promise<void> {
    await this.conn.end();
  }
}

/** MySQL reports no position inside the statement. */
function failureFor(err: unknown, index: number): StatementFailure {
  const sqlState = (err as { sqlState?: unknown }).sqlState;
  return new StatementFailure(
    err instanceof Error ? err.message : String(err),
    index,
    typeof sqlState === "string" ? sqlState : undefined,
    undefined,
  );
}
