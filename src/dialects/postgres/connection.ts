/**
 * PostgreSQL connections over `pg`, loaded only when a PostgreSQL URL is used. A batch of
 * statements goes to the server as one simple-protocol query: one round trip per migration.
 */
import type { ConnectionOptions } from "node:tls";
import type { Client, ClientConfig } from "pg";
import { ShaleError } from "../../errors.js";
import { connectFailure } from "../connect-error.js";
import { StatementFailure, type Connection, type Row } from "../dialect.js";
import type { DatabaseUrl } from "../url.js";

const CONNECT_TIMEOUT_MS = 10_000;
/** Between statements of a batch: the newline before the semicolon ends any trailing line comment. */
const SEPARATOR = "\n;\n";

/** Opens a PostgreSQL connection; failures become SHALE_E_CONNECT, _AUTH or _DATABASE_NOT_FOUND. */
export async function connect(url: DatabaseUrl): Promise<Connection> {
  const pg = await importPg();
  const client = new pg.Client(clientConfig(url));
  // pg emits "error" when the server drops an idle connection; unheard, it would end the process.
  // The next query on the client then fails with a StatementFailure instead.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw classifyConnectError(url, err);
  }
  return new PostgresConnection(client, url);
}

/**
 * Imports pg. On loading, pg asks whether it runs in a Cloudflare Worker: it reads
 * `navigator.userAgent`, and where there is no `navigator` (Node 20; Node 21 has one) it
 * builds a fetch `Response` instead, which loads Node's whole fetch implementation: about a
 * fifth of a `shale pull`'s start-up. A `navigator` like Node 21's answers it; it is removed
 * again once pg has loaded, so nothing else sees it.
 */
async function importPg(): Promise<typeof import("pg").default> {
  const global = globalThis as { navigator?: unknown };
  if (global.navigator !== undefined) return (await import("pg")).default;
  global.navigator = { userAgent: `Node.js/${process.versions.node}` };
  try {
    return (await import("pg")).default;
  } finally {
    delete global.navigator;
  }
}

function clientConfig(url: DatabaseUrl): ClientConfig {
  const timeout = url.params.connect_timeout;
  return {
    host: url.params.host ?? url.host,
    port: url.port,
    user: url.user,
    password: url.password,
    database: url.database,
    ssl: sslOption(url),
    application_name: url.params.application_name ?? "shale",
    options: url.params.options,
    connectionTimeoutMillis: timeout ? Number(timeout) * 1000 : CONNECT_TIMEOUT_MS,
  };
}

/** libpq's sslmode: `require` encrypts without checking the certificate, `verify-*` checks it. */
function sslOption(url: DatabaseUrl): boolean | ConnectionOptions {
  const mode = url.params.sslmode ?? "disable";
  switch (mode) {
    case "disable":
    case "allow":
    case "prefer":
      return false;
    case "require":
      return { rejectUnauthorized: false };
    case "verify-ca":
    case "verify-full":
      return true;
    default:
      throw new ShaleError("SHALE_E_URL", `Unknown sslmode "${mode}" in ${url.redacted}`, {
        hint: "Use sslmode=disable, prefer, require, verify-ca or verify-full",
      });
  }
}

function classifyConnectError(url: DatabaseUrl, err: unknown): ShaleError {
  const code = (err as { code?: unknown }).code;
  // 28P01 invalid_password, 28000 invalid_authorization_specification (unknown role, pg_hba).
  if (code === "28P01" || code === "28000") return connectFailure("auth", url, err);
  if (code === "3D000") {
    return connectFailure("database-missing", url, err, `Create it, for example: ${createdbCommand(url)}`);
  }
  // pg asks for the password only when the server wants one and none was given.
  if (err instanceof Error && /password must be a string|SASL/.test(err.message)) {
    return connectFailure("auth", url, err);
  }
  return connectFailure("unreachable", url, err);
}

/** The createdb call that makes the URL's database, with the URL's host, port and user. */
function createdbCommand(url: DatabaseUrl): string {
  const host = url.params.host ?? url.host;
  const parts = ["createdb"];
  if (host) parts.push("-h", host);
  if (url.port) parts.push("-p", String(url.port));
  if (url.user) parts.push("-U", url.user);
  parts.push(url.database ?? "");
  return parts.map((p) => (/^[\w./:-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`)).join(" ");
}

class PostgresConnection implements Connection {
  readonly dialect = "postgres" as const;

  constructor(
    private readonly client: Client,
    readonly url: DatabaseUrl,
  ) {}

  async query<T extends object = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    try {
      const result = await this.client.query(sql, params.length > 0 ? [...params] : undefined);
      // Without parameters pg uses the simple protocol, which may return one result per statement.
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      return (last?.rows ?? []) as T[];
    } catch (err) {
      throw failureFor(err, [sql], 0);
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.client.query(sql);
    } catch (err) {
      throw failureFor(err, [sql], 0);
    }
  }

  async execAtomic(statements: readonly string[]): Promise<void> {
    if (statements.length === 0) return;
    const text = `BEGIN${SEPARATOR}${statements.join(SEPARATOR)}${SEPARATOR}COMMIT`;
    // The server parses the whole text before running any of it, so a syntax error has a
    // position but no statement completed; a run-time error has no position, and the number
    // of completed commands (BEGIN included) tells which statement failed.
    let completed = 0;
    const onComplete = () => {
      completed += 1;
    };
    this.client.connection.on("commandComplete", onComplete);
    const failed = await this.client.query(text).then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
    this.client.connection.off("commandComplete", onComplete);
    if (!failed) return;
    // A failed COMMIT (a deferred constraint) is put on the last statement.
    const ranIndex = Math.min(Math.max(completed - 1, 0), statements.length - 1);
    await this.client.query("ROLLBACK").catch(() => undefined);
    throw failureFor(failed.err, statements, "BEGIN".length + SEPARATOR.length, ranIndex);
  }

  async begin(): Promise<void> {
    await this.exec("BEGIN");
  }

  async commit(): Promise<void> {
    await this.exec("COMMIT");
  }

  async rollback(): Promise<void> {
    await this.exec("ROLLBACK");
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  openAnother(): Promise<Connection> {
    return connect(this.url);
  }
}

interface PgErrorFields {
  code?: string;
  position?: string;
  detail?: string;
  hint?: string;
}

/**
 * Maps a pg error on `statements` (sent joined by SEPARATOR, the first at `firstStart` in the
 * text) to a StatementFailure; the server's position decides the statement when it has one.
 */
function failureFor(err: unknown, statements: readonly string[], firstStart: number, fallbackIndex = 0): StatementFailure {
  const fields = (typeof err === "object" && err !== null ? err : {}) as PgErrorFields;
  const located = fields.position ? locate(statements, firstStart, Number(fields.position)) : undefined;
  let message = err instanceof Error ? err.message : String(err);
  if (fields.detail) message += `\nDETAIL: ${fields.detail}`;
  if (fields.hint) message += `\nHINT: ${fields.hint}`;
  const sqlState = typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code) ? fields.code : undefined;
  return new StatementFailure(message, located?.index ?? fallbackIndex, sqlState, located?.offset);
}

/**
 * PostgreSQL reports a 1-based position in characters (code points), JavaScript strings count
 * UTF-16 units: walk the statements in code points to find the statement and the unit offset.
 */
function locate(statements: readonly string[], firstStart: number, position: number): { index: number; offset: number } | undefined {
  let remaining = position - 1 - firstStart;
  if (remaining < 0) return undefined;
  for (let index = 0; index < statements.length; index += 1) {
    const statement = statements[index]!;
    let offset = 0;
    for (const char of statement) {
      if (remaining === 0) return { index, offset };
      remaining -= 1;
      offset += char.length;
    }
    // An error "at end of input" points at the separator just after the statement.
    if (remaining === 0) return { index, offset };
    remaining -= SEPARATOR.length;
    if (remaining < 0) return { index, offset };
  }
  return undefined;
}
