/**
 * Database URLs: which dialect they name, their parts, and a printable form with the
 * password masked. Every URL that reaches output goes through `redactUrl` first.
 */
import { ShaleError } from "../errors.js";

/** The database families shale speaks to. */
export type DialectName = "postgres" | "mysql" | "sqlite";

/** A parsed database URL. `password` is kept for the driver only; print `redacted`. */
export interface DatabaseUrl {
  readonly dialect: DialectName;
  /** The URL as given: never print this. */
  readonly raw: string;
  /** The URL with any password replaced by `****`. */
  readonly redacted: string;
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  /** SQLite: the file path, or ":memory:". */
  readonly file?: string;
  /** Query parameters (sslmode, charset, ...), passed to the driver where it knows them. */
  readonly params: Readonly<Record<string, string>>;
}

const SCHEMES: Readonly<Record<string, DialectName>> = {
  "postgres:": "postgres",
  "postgresql:": "postgres",
  "mysql:": "mysql",
  "mariadb:": "mysql",
  "sqlite:": "sqlite",
  "sqlite3:": "sqlite",
};

const MASK = "****";

/**
 * Replaces the password of any URL-like text (`scheme://user:pass@host`) with `****`. The
 * password runs to the LAST `@` before the path, as URL parsers read it, so that an
 * unencoded `@` in a password does not leave its tail in clear.
 */
export function redactUrl(text: string): string {
  // The regex is tried only around each "://": run over a whole text (a pulled schema of a
  // megabyte names its database once) it would try every letter as a scheme's start.
  let out = "";
  let done = 0;
  for (let at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
    let start = at;
    while (start > done && SCHEME_CHAR.test(text[start - 1]!)) start -= 1;
    // A scheme starts with a letter.
    while (start < at && !LETTER.test(text[start]!)) start += 1;
    URL_PASSWORD.lastIndex = start;
    const m = URL_PASSWORD.exec(text);
    if (!m) continue;
    out += `${text.slice(done, start)}${m[1]}${MASK}@`;
    done = start + m[0].length;
    at = done - 3;
  }
  return done === 0 ? text : out + text.slice(done);
}

const SCHEME_CHAR = /[a-z0-9+.-]/i;
const LETTER = /[a-z]/i;
/** A URL's scheme, user and password up to the @, from where it starts (sticky). */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^/?#\s]*)@/iy;

/** Redacts a text known to be one URL, whose password may also hold spaces. */
function redactWholeUrl(raw: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)([^/?#]*)@/i.exec(raw);
  return m ? `${m[1]}${MASK}@${redactUrl(raw.slice(m[0].length))}` : redactUrl(raw);
}

/** Parses a database URL; throws SHALE_E_URL with a hint listing the accepted forms. */
export function parseDatabaseUrl(input: string): DatabaseUrl {
  const raw = input.trim();
  const redacted = redactWholeUrl(raw);
  const schemeMatch = /^([a-z][a-z0-9+.-]*:)/i.exec(raw);
  const dialect = schemeMatch ? SCHEMES[schemeMatch[1]!.toLowerCase()] : undefined;
  if (!dialect) {
    throw new ShaleError("SHALE_E_URL", `Not a database URL shale knows: ${redacted || "(empty)"}`, {
      hint: "Use postgres://user@host:5432/db, mysql://user@host:3306/db, mariadb://..., sqlite:./app.db or sqlite::memory:",
    });
  }
  if (dialect === "sqlite") return parseSqlite(raw, redacted);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ShaleError("SHALE_E_URL", `Malformed database URL: ${redacted}`, {
      hint: "Check the URL's form: scheme://user:password@host:port/database (characters such as @ or / in a password must be percent-encoded)",
    });
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!url.hostname && !url.searchParams.get("host") && !url.searchParams.get("socket")) {
    throw new ShaleError("SHALE_E_URL", `The database URL names no host: ${redacted}`, {
      hint: `Write the host after //, for example ${url.protocol}//localhost/${database || "app"}`,
    });
  }
  if (!database) {
    throw new ShaleError("SHALE_E_URL", `The database URL names no database: ${redacted}`, {
      hint: `Add the database name after the host, for example ${url.protocol}//${url.host || "localhost"}/app`,
    });
  }
  let port: number | undefined;
  if (url.port) port = Number(url.port);
  const params: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    params[key] = value;
  });
  return {
    dialect,
    raw,
    redacted,
    host: url.hostname ? decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) : undefined,
    port,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database,
    params,
  };
}

/** `sqlite:./app.db`, `sqlite:///abs/app.db`, `sqlite://rel.db`, `sqlite::memory:`. */
function parseSqlite(raw: string, redacted: string): DatabaseUrl {
  let rest = raw.replace(/^sqlite3?:/i, "");
  const queryAt = rest.indexOf("?");
  const params: Record<string, string> = {};
  if (queryAt >= 0) {
    new URLSearchParams(rest.slice(queryAt + 1)).forEach((value, key) => {
      params[key] = value;
    });
    rest = rest.slice(0, queryAt);
  }
  if (rest.startsWith("//")) rest = rest.slice(2);
  if (rest === "" ) {
    throw new ShaleError("SHALE_E_URL", `The SQLite URL names no file: ${redacted}`, {
      hint: "Use sqlite:./app.db for a file or sqlite::memory: for an in-memory database",
    });
  }
  const file = rest === ":memory:" ? ":memory:" : decodeURIComponent(rest);
  return { dialect: "sqlite", raw, redacted, file, params };
}
