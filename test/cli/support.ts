/**
 * Running the real `shale` command (node dist/cli/main.js) in tests, and the assertions
 * every CLI test makes: exit code, coded error in both output modes, no password anywhere,
 * and no change to the database.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { historyRows, tableNames } from "../support/catalog.js";
import { connectTestDatabase, withMysqlAdmin, type TestDatabase } from "../support/databases.js";

/** The built CLI; `npm run build` makes it. */
export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

/** The password put in every URL the tests pass, so that a leak is easy to find. */
export const PASSWORD = "S3cretPassw0rd";

/** A DATABASE_URL with the password in it, pointing nowhere (port 1). */
export const LEAKY_DATABASE_URL = `postgres://leak:${PASSWORD}@127.0.0.1:1/leak`;

/** What a run of the CLI printed and how it ended. */
export interface ShaleRun {
  readonly args: readonly string[];
  /** The exit code; null when killed by a signal (the timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the CLI. */
export interface RunOptions {
  readonly cwd: string;
  /** Added to the environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to stdin, which is then closed (stdin is never a terminal). */
  readonly input?: string;
  readonly timeoutMs?: number;
}

/** Variables of the test process that would change what the CLI does. */
const SCRUBBED_VARIABLES = ["DATABASE_URL", "SHALE_ENV", "NO_COLOR", "FORCE_COLOR", "NODE_OPTIONS", "CI"];

/** The environment a run gets: ours, without DATABASE_URL, SHALE_ENV, NO_COLOR..., plus `extra`. */
export function cliEnv(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED_VARIABLES) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs `shale <args>` with `node dist/cli/main.js`, stdin and stdout not terminals. */
export function runShale(args: readonly string[], options: RunOptions): Promise<ShaleRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: cliEnv(options.env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ args, code, stdout, stderr });
    });
  });
}

/** A run as text for assertion messages. */
export function describeRun(run: ShaleRun): string {
  return `shale ${run.args.join(" ")}\nexit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

/** Asserts the exit code, with the whole run in the message when it differs. */
export function assertExit(run: ShaleRun, code: number): void {
  assert.equal(run.code, code, `expected exit ${code}\n${describeRun(run)}`);
}

/** Asserts that no secret (by default PASSWORD, also URL-encoded) appears in stdout or stderr. */
export function assertNoSecret(run: ShaleRun, secrets: readonly string[] = [PASSWORD]): void {
  const text = run.stdout + run.stderr;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      assert.ok(!text.includes(form), `the password "${form}" was printed\n${describeRun(run)}`);
    }
  }
  // Parts of the password, for URLs whose password the redaction could cut in two.
  for (const part of ["S3cret", "Passw0rd", "ssw0rd"]) assert.ok(!text.includes(part), `a part of the password ("${part}") was printed\n${describeRun(run)}`);
}

/** The error document of a `--json` run. */
export interface ErrorDocument {
  code: string;
  message: string;
  hint: string | null;
  file: string | null;
  line: number | null;
}

/** What a failed run must show. */
export interface ExpectedError {
  readonly code: string;
  readonly exit: 2 | 3;
  /** The file the error names (exact, or a pattern); omit to not check. */
  readonly file?: string | RegExp;
  /** The line the error names; omit to not check. */
  readonly line?: number;
  /** A pattern the message must match. */
  readonly message?: RegExp;
  /** A pattern the hint must match. */
  readonly hint?: RegExp;
}

const ANSI = /\u001b\[/;

/**
 * `--json`: stdout is exactly one document `{"error": {code, message, hint, file, line}}`,
 * nothing else; the exit code and error code as expected; a hint; file and line when given.
 */
export function assertJsonError(run: ShaleRun, expected: ExpectedError): ErrorDocument {
  assertExit(run, expected.exit);
  let doc: unknown;
  try {
    doc = JSON.parse(run.stdout);
  } catch {
    assert.fail(`stdout is not one JSON document\n${describeRun(run)}`);
  }
  assert.ok(typeof doc === "object" && doc !== null && !Array.isArray(doc), `stdout is a JSON object\n${describeRun(run)}`);
  assert.deepEqual(Object.keys(doc), ["error"], `the document holds only "error"\n${describeRun(run)}`);
  const error = (doc as { error: ErrorDocument }).error;
  assert.deepEqual(Object.keys(error).sort(), ["code", "file", "hint", "line", "message"], `the error has SPEC's five keys\n${describeRun(run)}`);
  assert.equal(error.code, expected.code, `error code\n${describeRun(run)}`);
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 0, "a message");
  assert.equal(typeof error.hint, "string", `a hint\n${describeRun(run)}`);
  assert.ok(error.hint!.trim().length > 0, `a non-empty hint\n${describeRun(run)}`);
  assert.ok(error.file === null || typeof error.file === "string");
  assert.ok(error.line === null || (Number.isInteger(error.line) && error.line > 0), `line is null or a positive integer: ${error.line}`);
  if (expected.file !== undefined) matchText(error.file, expected.file, `file\n${describeRun(run)}`);
  if (expected.line !== undefined) assert.equal(error.line, expected.line, `line\n${describeRun(run)}`);
  if (expected.message) assert.match(error.message, expected.message, describeRun(run));
  if (expected.hint) assert.match(error.hint!, expected.hint, describeRun(run));
  assert.ok(!ANSI.test(run.stdout + run.stderr), `no colour when not on a terminal\n${describeRun(run)}`);
  return error;
}

/**
 * Human output: `error [CODE] ...` and `hint: ...` on stderr, nothing on stdout, the file
 * (and `file:line`) named when given, no stack trace without --verbose.
 */
export function assertHumanError(run: ShaleRun, expected: ExpectedError, options: { verbose?: boolean } = {}): void {
  assertExit(run, expected.exit);
  assert.equal(run.stdout, "", `nothing on stdout\n${describeRun(run)}`);
  const lines = run.stderr.split("\n");
  const errorLine = lines.find((l) => l.startsWith("error ["));
  assert.ok(errorLine, `an "error [CODE]" line on stderr\n${describeRun(run)}`);
  assert.ok(errorLine.startsWith(`error [${expected.code}] `), `error code ${expected.code}\n${describeRun(run)}`);
  const hintLine = lines.find((l) => /^ {2}hint: \S/.test(l));
  assert.ok(hintLine, `a hint line on stderr\n${describeRun(run)}`);
  if (expected.hint) assert.match(hintLine, expected.hint, describeRun(run));
  if (typeof expected.file === "string") {
    const where = expected.line !== undefined ? `${expected.file}:${expected.line}` : expected.file;
    assert.ok(run.stderr.includes(where), `stderr names ${where}\n${describeRun(run)}`);
  } else if (expected.file instanceof RegExp) {
    assert.match(run.stderr, expected.file, describeRun(run));
  }
  if (expected.message) assert.match(errorLine, expected.message, describeRun(run));
  if (!options.verbose) assert.ok(!/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr), `no stack trace without --verbose\n${describeRun(run)}`);
  assert.ok(!ANSI.test(run.stdout + run.stderr), `no colour when not on a terminal\n${describeRun(run)}`);
}

function matchText(actual: string | null, expected: string | RegExp, what: string): void {
  if (typeof expected === "string") assert.equal(actual, expected, what);
  else assert.match(actual ?? "", expected, what);
}

/** What the database holds, for "nothing changed" checks: tables and history rows. */
export interface DatabaseSnapshot {
  tables: string[];
  history: Record<string, unknown>[] | null;
}

/** Reads the tables and, if the history table exists, its rows (through a short-lived connection). */
export async function snapshot(db: TestDatabase): Promise<DatabaseSnapshot> {
  const conn = await connectTestDatabase(db);
  try {
    const tables = await tableNames(conn, db.dialect);
    const history = tables.includes("shale_history") ? (await historyRows(conn)).map(normalizeRow) : null;
    return { tables, history };
  } finally {
    await conn.close();
  }
}

function normalizeRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" || typeof v === "boolean" ? Number(v) : v]));
}

/**
 * The test database's URL with PASSWORD in it, which the server accepts: PostgreSQL trusts
 * local connections whatever the password; MySQL gets a user created with that password, with
 * rights on the test database and on databases named `shale_missing_*` (which tests never create).
 */
export async function passwordUrl(db: TestDatabase): Promise<{ url: string; dispose(): Promise<void> }> {
  if (db.dialect === "sqlite") return { url: db.url, dispose: async () => {} };
  const url = new URL(db.url);
  if (db.dialect === "postgres") {
    url.password = PASSWORD;
    return { url: url.toString(), dispose: async () => {} };
  }
  const user = `shale_pw_${randomBytes(5).toString("hex")}`;
  const database = decodeURIComponent(url.pathname.slice(1));
  await withMysqlAdmin(async (conn) => {
    await conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${PASSWORD}'`);
    await conn.query(`GRANT ALL PRIVILEGES ON \`${database}\`.* TO '${user}'@'%'`);
    // So that a database named shale_missing_... is reported as missing, not as forbidden.
    await conn.query(`GRANT ALL PRIVILEGES ON \`shale\\_missing\\_%\`.* TO '${user}'@'%'`);
  });
  url.username = user;
  url.password = PASSWORD;
  return { url: url.toString(), dispose: () => withMysqlAdmin((conn) => conn.query(`DROP USER IF EXISTS '${user}'@'%'`)).then(() => undefined) };
}
