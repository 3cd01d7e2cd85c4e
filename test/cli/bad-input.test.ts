/**
 * Bad input to the real `shale` command: every case asserts the exit code (2 usage or
 * configuration, 3 database or migration), the coded error with a hint both on stderr and
 * as the one `--json` document on stdout, the file and line where one applies, that the
 * database did not change, and that the password (in --url, DATABASE_URL and the config
 * file) is printed nowhere. Pure file and configuration cases run on SQLite; cases that
 * touch a database run on every dialect.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, it } from "node:test";
import type { DialectName } from "../../src/dialects/dialect.js";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";
import {
  LEAKY_DATABASE_URL,
  PASSWORD,
  assertExit,
  assertHumanError,
  assertJsonError,
  assertNoSecret,
  describeRun,
  passwordUrl,
  runShale,
  snapshot,
  type DatabaseSnapshot,
  type ExpectedError,
} from "./support.js";

/** A URL with the password that the config files carry for an environment they do not use. */
const PROD_URL = `postgres://app:${PASSWORD}@db.example.invalid:5432/app`;

type Mode = "human" | "json" | "verbose";

/** What a case works with. */
interface Ctx {
  readonly dialect: DialectName;
  readonly db: TestDatabase;
  /** The test database's URL, with PASSWORD in it (except SQLite, whose URLs have none). */
  readonly url: string;
  readonly project: TestProject;
  readonly dir: string;
}

/** One kind of bad input. */
interface BadCase {
  readonly kind: string;
  /** Where it runs: SQLite only (the default: no server involved), every dialect, or a list. */
  readonly on?: "all" | readonly DialectName[];
  readonly files?: (ctx: Ctx) => Record<string, string | Buffer>;
  /** Brings the database to the state the case needs, with successful CLI runs. */
  readonly setup?: (ctx: Ctx) => Promise<void>;
  /** Changes files after the setup (an edit, a new bad file). */
  readonly after?: (ctx: Ctx) => void;
  readonly args: (ctx: Ctx) => string[];
  readonly env?: (ctx: Ctx) => Record<string, string | undefined>;
  readonly expect: ExpectedError | ((ctx: Ctx) => ExpectedError);
  readonly modes?: readonly Mode[];
  /** What the database must hold afterwards; by default exactly what it held before. */
  readonly changes?: (before: DatabaseSnapshot, after: DatabaseSnapshot, ctx: Ctx) => void;
  /** Further checks on the project folder after each run. */
  readonly check?: (ctx: Ctx) => void;
}

const V1 = { "db/migrations/V1__create_a.sql": "CREATE TABLE a (id INTEGER PRIMARY KEY);\n" };
const V1_WITH_UNDO = { ...V1, "db/migrations/U1__create_a.sql": "DROP TABLE a;\n" };

/** A config file with a local environment at `url` and a protected prod one that carries the password. */
function config(url: string, options: { protectedLocal?: boolean; extra?: string } = {}): string {
  return `import { defineConfig } from "shale";

export default defineConfig({
  environments: {
    local: { url: ${JSON.stringify(url)}${options.protectedLocal ? ", protected: true" : ""} },
    prod: { url: ${JSON.stringify(PROD_URL)}, protected: true },
  },${options.extra ? `\n  ${options.extra}` : ""}
});
`;
}

/** Runs the CLI for a setup step, which must succeed. */
async function ok(ctx: Ctx, args: string[]): Promise<void> {
  const run = await runShale(args, { cwd: ctx.dir, env: { DATABASE_URL: LEAKY_DATABASE_URL } });
  assertExit(run, 0);
  assertNoSecret(run);
}

const migrated = (ctx: Ctx): Promise<void> => ok(ctx, ["migrate", "--url", ctx.url]);
const url = (ctx: Ctx): string[] => ["--url", ctx.url];

const CASES: readonly BadCase[] = [
  // ---- the command line ----------------------------------------------------------------
  { kind: "unknown command", args: () => ["frobnicate"], expect: { code: "SHALE_E_USAGE", exit: 2, message: /frobnicate/ } },
  { kind: "unknown option", args: (c) => ["migrate", "--frobnicate", ...url(c)], expect: { code: "SHALE_E_USAGE", exit: 2, message: /--frobnicate/ } },
  { kind: "unexpected argument", args: (c) => ["migrate", "now", ...url(c)], expect: { code: "SHALE_E_USAGE", exit: 2, message: /too many arguments/ } },
  { kind: "missing required argument", args: () => ["new"], expect: { code: "SHALE_E_USAGE", exit: 2, message: /description/ } },
  { kind: "option without its value", args: () => ["status", "--url"], expect: { code: "SHALE_E_USAGE", exit: 2, message: /--url/ } },
  {
    kind: "option value not among the choices",
    args: () => ["init", "--dialect", "oracle"],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /oracle/ },
    check: (c) => assert.ok(!existsSync(join(c.dir, "shale.config.ts")), "init wrote nothing"),
  },
  {
    kind: "new with an empty description",
    args: () => ["new", "  !!! "],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /description/ },
    check: (c) => assert.deepEqual(readdirSync(join(c.dir, "db/migrations")), [], "no file written"),
  },
  { kind: "new with --sql and --ts", args: () => ["new", "add posts", "--sql", "--ts"], expect: { code: "SHALE_E_USAGE", exit: 2, message: /--sql or --ts/ } },
  {
    kind: "new repeatable with an undo file",
    args: () => ["new", "refresh views", "--repeatable", "--undo"],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /repeatable/ },
    check: (c) => assert.deepEqual(readdirSync(join(c.dir, "db/migrations")), [], "no file written"),
  },
  {
    kind: "init where a config exists",
    files: (c) => ({ "shale.config.ts": config(c.url) }),
    args: () => ["init"],
    expect: { code: "SHALE_E_FILE_EXISTS", exit: 2, file: "shale.config.ts" },
    check: (c) => assert.ok(!existsSync(join(c.dir, "db/schema.sql")), "init wrote nothing"),
  },

  // ---- database URLs ------------------------------------------------------------------
  { kind: "URL with an unknown scheme", args: () => ["status", "--url", `foo://u:${PASSWORD}@x/y`], expect: { code: "SHALE_E_URL", exit: 2, message: /foo:/, hint: /postgres:\/\// } },
  { kind: "malformed URL", args: () => ["status", "--url", `postgres://u:${PASSWORD}@[bad/x`], expect: { code: "SHALE_E_URL", exit: 2, message: /Malformed/ } },
  { kind: "URL without a database name", args: () => ["migrate", "--url", `postgres://u:${PASSWORD}@127.0.0.1:5432`], expect: { code: "SHALE_E_URL", exit: 2, message: /no database/ } },
  { kind: "URL without a host", args: () => ["migrate", "--url", "mysql:///app"], expect: { code: "SHALE_E_URL", exit: 2, message: /no host/ } },
  { kind: "empty URL", args: () => ["status", "--url", ""], expect: { code: "SHALE_E_URL", exit: 2, message: /empty/ } },
  { kind: "SQLite URL without a file", args: () => ["status", "--url", "sqlite:"], expect: { code: "SHALE_E_URL", exit: 2, message: /no file/ } },
  {
    kind: "SQLite file in a missing folder",
    args: (c) => ["migrate", "--url", `sqlite:${join(c.dir, "no/such/folder/app.db")}`],
    expect: { code: "SHALE_E_CONNECT", exit: 3, hint: /folder/ },
    check: (c) => assert.ok(!existsSync(join(c.dir, "no")), "no folder created"),
  },
  {
    kind: "bad URL in the config file",
    files: () => ({ "shale.config.ts": config(`mysql//root:${PASSWORD}@localhost/app`) }),
    args: () => ["status"],
    expect: { code: "SHALE_E_URL", exit: 2, file: "shale.config.ts", message: /environments\.local\.url/ },
  },
  {
    kind: "unencoded @ in the password of an unreachable URL",
    on: ["sqlite", "postgres"],
    args: () => ["status", "--url", `postgres://u:S3cretP@ssw0rd@127.0.0.1:1/db`],
    expect: { code: "SHALE_E_CONNECT", exit: 3 },
    modes: ["human", "json", "verbose"],
  },
  {
    kind: "space in the password of an unreachable URL",
    on: ["sqlite", "postgres"],
    args: () => ["status", "--url", `postgres://u:S3cret Passw0rd@127.0.0.1:1/db`],
    env: () => ({ DATABASE_URL: `postgres://u:S3cret Passw0rd@127.0.0.1:1/db` }),
    expect: { code: "SHALE_E_CONNECT", exit: 3 },
    modes: ["human", "json", "verbose"],
  },

  // ---- connecting ---------------------------------------------------------------------
  {
    kind: "wrong password",
    on: ["mysql"],
    args: (c) => ["migrate", "--url", withAuth(c.db.url, "root", PASSWORD)],
    expect: { code: "SHALE_E_AUTH", exit: 3, hint: /password/ },
    modes: ["human", "json", "verbose"],
  },
  {
    kind: "unreachable server",
    on: ["postgres", "mysql"],
    args: (c) => ["migrate", "--url", `${c.dialect}://u:${PASSWORD}@127.0.0.1:1/db`],
    expect: { code: "SHALE_E_CONNECT", exit: 3, message: /127\.0\.0\.1:1/, hint: /running/ },
    modes: ["human", "json", "verbose"],
  },
  {
    kind: "unknown host name",
    on: ["postgres", "mysql"],
    args: (c) => ["status", "--url", `${c.dialect}://u:${PASSWORD}@no-such-host.invalid/db`],
    expect: { code: "SHALE_E_CONNECT", exit: 3 },
  },
  {
    kind: "database that does not exist",
    on: ["postgres", "mysql"],
    args: (c) => ["migrate", "--url", withDatabase(c.url, `shale_missing_${randomBytes(4).toString("hex")}`)],
    expect: { code: "SHALE_E_DATABASE_NOT_FOUND", exit: 3, message: /shale_missing_/, hint: /[Cc]reate/ },
    modes: ["human", "json", "verbose"],
  },
  {
    kind: "database URL from DATABASE_URL that is unreachable",
    args: () => ["status"],
    expect: { code: "SHALE_E_CONNECT", exit: 3, message: /leak:\*\*\*\*@127\.0\.0\.1:1/ },
    modes: ["human", "json", "verbose"],
  },

  // ---- configuration ------------------------------------------------------------------
  {
    kind: "unknown --env",
    files: (c) => ({ "shale.config.ts": config(c.url) }),
    args: () => ["status", "--env", "staging"],
    expect: { code: "SHALE_E_UNKNOWN_ENV", exit: 2, file: "shale.config.ts", message: /staging/, hint: /local, prod/ },
  },
  {
    kind: "unknown SHALE_ENV",
    files: (c) => ({ "shale.config.ts": config(c.url) }),
    args: () => ["status"],
    env: () => ({ SHALE_ENV: "prdo" }),
    expect: { code: "SHALE_E_UNKNOWN_ENV", exit: 2, file: "shale.config.ts", message: /SHALE_ENV.*did you mean "prod"/ },
  },
  {
    kind: "several environments, none named local, none chosen",
    files: (c) => ({ "shale.config.ts": `export default { environments: { dev: { url: ${JSON.stringify(c.url)} }, prod: { url: ${JSON.stringify(PROD_URL)} } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_UNKNOWN_ENV", exit: 2, file: "shale.config.ts", hint: /--env/ },
  },
  {
    kind: "unknown --context",
    files: (c) => ({ "shale.config.ts": config(c.url) }),
    args: () => ["status", "--context", "audit"],
    expect: { code: "SHALE_E_UNKNOWN_CONTEXT", exit: 2, file: "shale.config.ts", message: /audit/ },
  },
  {
    kind: "several contexts, none named main, no --context",
    files: (c) => ({ "shale.config.ts": config(c.url, { extra: "contexts: { app: {}, audit: {} }," }) }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONTEXT_REQUIRED", exit: 2, file: "shale.config.ts", hint: /app, audit/ },
  },
  {
    kind: "environment whose URL variable is unset",
    files: () => ({
      "shale.config.ts": `export default { environments: { local: { url: "sqlite:./local.db" }, prod: { url: process.env.SHALE_TEST_UNSET_PROD_URL, protected: true } } };\n`,
    }),
    args: () => ["migrate", "--env", "prod"],
    env: () => ({ SHALE_TEST_UNSET_PROD_URL: undefined }),
    expect: { code: "SHALE_E_NO_URL", exit: 2, file: "shale.config.ts", message: /prod/, hint: /SHALE_TEST_UNSET_PROD_URL/ },
  },
  {
    kind: "PostgreSQL config without environments and no DATABASE_URL",
    files: () => ({ "shale.config.ts": `export default { dialect: "postgres" };\n` }),
    args: () => ["status"],
    env: () => ({ DATABASE_URL: undefined }),
    expect: { code: "SHALE_E_NO_URL", exit: 2, message: /DATABASE_URL/ },
  },
  {
    kind: "dialect mismatch between config and URL",
    files: () => ({ "shale.config.ts": `export default { dialect: "postgres", environments: { local: { url: ${JSON.stringify(PROD_URL)} } } };\n` }),
    args: (c) => ["status", "--url", `sqlite:${join(c.dir, "app.db")}`],
    expect: { code: "SHALE_E_DIALECT_MISMATCH", exit: 2, file: "shale.config.ts", message: /postgres/ },
  },
  {
    kind: "misspelt config key",
    files: () => ({ "shale.config.ts": `export default { enviroments: { local: { url: ${JSON.stringify(PROD_URL)} } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG", exit: 2, file: "shale.config.ts", message: /shale\.config\.ts.*enviroments.*did you mean "environments"/ },
  },
  {
    kind: "misspelt nested config key",
    files: () => ({ "shale.config.ts": `export default { environments: { prod: { url: ${JSON.stringify(PROD_URL)}, protectd: true } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG", exit: 2, file: "shale.config.ts", message: /environments\.prod\.protectd/ },
  },
  {
    kind: "invalid dialect in the config",
    files: () => ({ "shale.config.ts": `export default { dialect: "oracle" };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG", exit: 2, file: "shale.config.ts", message: /dialect/, hint: /postgres/ },
  },
  {
    kind: "config value of the wrong type",
    files: () => ({ "shale.config.ts": `export default { lockTimeout: "soon", environments: { local: { url: ${JSON.stringify(PROD_URL)} } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG", exit: 2, file: "shale.config.ts", message: /lockTimeout/ },
  },
  {
    kind: "environment URL for a context that does not exist",
    files: () => ({ "shale.config.ts": `export default { environments: { local: { url: "sqlite:./a.db", contexts: { audti: { url: ${JSON.stringify(PROD_URL)} } } } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG", exit: 2, file: "shale.config.ts", message: /audti/ },
  },
  {
    kind: "config file that throws",
    files: () => ({
      "shale.config.ts": `const url = ${JSON.stringify(PROD_URL)};\nthrow new Error(\`cannot fetch the password for \${url}\`);\nexport default {};\n`,
    }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG_LOAD", exit: 2, file: "shale.config.ts", line: 2, message: /cannot fetch the password/ },
  },
  {
    kind: "config file with a syntax error",
    files: () => ({
      "shale.config.ts": `import { defineConfig } from "shale";\nconst url = ${JSON.stringify(PROD_URL)};\nexport default defineConfig({\n  environments: { local: { url } ;\n});\n`,
    }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG_LOAD", exit: 2, file: "shale.config.ts", line: 4, hint: /syntax/ },
  },
  {
    kind: "config file without a default export",
    files: () => ({ "shale.config.ts": `export const config = { environments: { local: { url: ${JSON.stringify(PROD_URL)} } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG", exit: 2, file: "shale.config.ts", message: /default export/ },
  },
  {
    kind: "config file importing a missing package",
    files: () => ({ "shale.config.ts": `import { secrets } from "shale-no-such-package";\nexport default { environments: { local: { url: secrets.url } } };\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG_LOAD", exit: 2, file: "shale.config.ts", message: /shale-no-such-package/ },
  },
  {
    kind: "invalid JSON config",
    files: () => ({ "shale.config.json": `{\n  "environments": {\n    "local": { "url": ${JSON.stringify(PROD_URL)} },\n  }\n}\n` }),
    args: () => ["status"],
    expect: { code: "SHALE_E_CONFIG_LOAD", exit: 2, file: "shale.config.json", line: 4 },
  },
  {
    kind: "--config naming a missing file",
    args: (c) => ["status", "--config", "config/shale.prod.ts", ...url(c)],
    expect: { code: "SHALE_E_CONFIG_NOT_FOUND", exit: 2, file: "config/shale.prod.ts" },
  },
  {
    kind: "--config naming a folder",
    args: (c) => ["status", "--config", "db", ...url(c)],
    expect: { code: "SHALE_E_CONFIG_NOT_FOUND", exit: 2, file: "db", hint: /folder/ },
  },
  {
    kind: "--config naming a file of an unknown type",
    files: () => ({ "shale.yaml": "environments: {}\n" }),
    args: (c) => ["status", "--config", "shale.yaml", ...url(c)],
    expect: { code: "SHALE_E_CONFIG_LOAD", exit: 2, file: "shale.yaml", hint: /[Rr]ename/ },
  },

  // ---- migration files ----------------------------------------------------------------
  {
    kind: "missing migrations folder",
    after: (c) => rmSync(join(c.dir, "db/migrations"), { recursive: true }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_FOLDER_MISSING", exit: 2, message: /db\/migrations/ },
  },
  {
    kind: "migrations path that is a file",
    after: (c) => {
      rmSync(join(c.dir, "db/migrations"), { recursive: true });
      c.project.write("db/migrations", "not a folder\n");
    },
    args: (c) => ["status", ...url(c)],
    expect: { code: "SHALE_E_FOLDER_MISSING", exit: 2 },
  },
  {
    kind: "duplicate versions",
    on: "all",
    files: () => ({ ...V1, "db/migrations/V1.0__create_b.sql": "CREATE TABLE b (id INTEGER);\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_DUPLICATE_VERSION", exit: 2, file: /db\/migrations\/V1(\.0)?__create_[ab]\.sql/, message: /same version \(1\)/ },
  },
  {
    kind: "malformed file name",
    files: () => ({ "db/migrations/V1_create_a.sql": "CREATE TABLE a (id INTEGER);\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_FILE_NAME", exit: 2, file: "db/migrations/V1_create_a.sql" },
  },
  {
    kind: "version that is not digits",
    files: () => ({ "db/migrations/V1a__create_a.sql": "CREATE TABLE a (id INTEGER);\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_FILE_NAME", exit: 2, file: "db/migrations/V1a__create_a.sql", message: /not a version/ },
  },
  {
    kind: "repeatable file with a version",
    files: () => ({ "db/migrations/R1__views.sql": "SELECT 1;\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_FILE_NAME", exit: 2, file: "db/migrations/R1__views.sql" },
  },
  {
    kind: "undo file without its migration",
    files: () => ({ ...V1, "db/migrations/U2__create_b.sql": "DROP TABLE b;\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_FILE_NAME", exit: 2, file: "db/migrations/U2__create_b.sql", message: /version 2/ },
  },
  {
    kind: "versioned file in the seeds folder",
    files: () => ({ ...V1, "db/seeds/V1__users.sql": "INSERT INTO a VALUES (1);\n" }),
    setup: migrated,
    args: (c) => ["seed", ...url(c)],
    expect: { code: "SHALE_E_FILE_NAME", exit: 2, file: "db/seeds/V1__users.sql", hint: /R__users\.sql/ },
  },
  {
    kind: "file that is not UTF-8",
    files: () => ({ "db/migrations/V1__create_a.sql": Buffer.from("-- the café table\nCREATE TABLE a (id INTEGER);\n-- caf\xe9\n", "latin1") }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_FILE_ENCODING", exit: 2, file: "db/migrations/V1__create_a.sql", line: 1, hint: /UTF-8/ },
  },
  {
    kind: "empty migration file",
    on: "all",
    files: () => ({ "db/migrations/V1__nothing.sql": "" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_EMPTY_MIGRATION", exit: 2, file: "db/migrations/V1__nothing.sql" },
  },
  {
    kind: "migration file with only comments",
    files: () => ({ "db/migrations/V1__todo.sql": "-- TODO: write this\n/* later */\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_EMPTY_MIGRATION", exit: 2, file: "db/migrations/V1__todo.sql" },
  },
  {
    kind: "unknown directive",
    on: "all",
    files: () => ({ "db/migrations/V1__create_a.sql": "-- create a\n-- shale:no-transactions\nCREATE TABLE a (id INTEGER);\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_DIRECTIVE", exit: 2, file: "db/migrations/V1__create_a.sql", line: 2, message: /no-transactions/ },
  },
  {
    kind: "unterminated quote",
    on: "all",
    files: () => ({ "db/migrations/V1__create_a.sql": "CREATE TABLE a (id INTEGER, name VARCHAR(20));\n\nINSERT INTO a VALUES (1, 'one');\nINSERT INTO a VALUES (2, 'two);\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_SPLIT", exit: 2, file: "db/migrations/V1__create_a.sql", line: 4 },
  },
  {
    kind: "unterminated block comment",
    files: () => ({ "db/migrations/V1__create_a.sql": "CREATE TABLE a (id INTEGER);\n\n/* this comment\nnever ends;\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_SPLIT", exit: 2, file: "db/migrations/V1__create_a.sql", line: 3 },
  },
  {
    kind: "transaction control in a migration",
    on: "all",
    files: () => ({ "db/migrations/V1__create_a.sql": "CREATE TABLE a (id INTEGER);\nBEGIN;\nCREATE TABLE b (id INTEGER);\nCOMMIT;\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_TRANSACTION_CONTROL", exit: 2, file: "db/migrations/V1__create_a.sql", line: 2, hint: /no-transaction/ },
  },
  {
    kind: "TypeScript migration without up",
    files: () => ({ "db/migrations/V1__create_a.ts": "export async function upp(ctx: { exec(sql: string): Promise<void> }) {\n  await ctx.exec(\"CREATE TABLE a (id INTEGER)\");\n}\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_TS_MIGRATION", exit: 2, file: "db/migrations/V1__create_a.ts", message: /up/ },
  },
  {
    kind: "TypeScript migration with a syntax error",
    on: "all",
    files: () => ({ "db/migrations/V1__create_a.ts": "export async function up(ctx: { exec(sql: string): Promise<void> }) {\n  await ctx.exec(\"CREATE TABLE a (id INTEGER)\"\n}\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_TS_MIGRATION", exit: 2, file: "db/migrations/V1__create_a.ts", line: 3 },
  },
  {
    kind: "TypeScript migration whose down is not a function",
    files: () => ({ "db/migrations/V1__create_a.ts": "export async function up() {}\nexport const down = \"DROP TABLE a\";\n" }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_TS_MIGRATION", exit: 2, file: "db/migrations/V1__create_a.ts", message: /down/ },
  },
  {
    kind: "TypeScript migration that throws when loaded",
    files: () => ({ "db/migrations/V1__create_a.ts": `const url = ${JSON.stringify(PROD_URL)};\nthrow new Error("refusing to load next to " + url);\nexport async function up() {}\n` }),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_TS_MIGRATION", exit: 2, file: "db/migrations/V1__create_a.ts", message: /refusing to load/ },
  },
  {
    kind: "SQL error on line N",
    on: "all",
    files: () => V1,
    setup: migrated,
    after: (c) => c.project.write("db/migrations/V2__broken.sql", "CREATE TABLE b (id INTEGER);\n\nCREATE TABL c (id INTEGER);\n"),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_MIGRATION_FAILED", exit: 3, file: "db/migrations/V2__broken.sql", line: 3 },
    modes: ["human", "json", "verbose"],
    changes: (before, after, c) => {
      if (c.dialect !== "mysql") {
        assert.deepEqual(after, before, "nothing applied: the migration was rolled back with its history row");
        return;
      }
      // MySQL commits DDL at once: statement 1 stays, and the history records how far it got.
      assert.deepEqual(after.tables, [...before.tables, "b"].sort());
      assert.deepEqual(after.history!.slice(0, before.history!.length), before.history);
      const failed = after.history!.slice(before.history!.length);
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.version, "2");
      assert.equal(Number(failed[0]!.success), 0);
      assert.equal(Number(failed[0]!.progress), 1);
    },
  },
  {
    kind: "edited statements before a failed MySQL statement",
    on: ["mysql"],
    files: () => V1,
    setup: async (c) => {
      await migrated(c);
      c.project.write("db/migrations/V2__broken.sql", "CREATE TABLE b (id INTEGER);\n\nCREATE TABL c (id INTEGER);\n");
      const run = await runShale(["migrate", ...url(c)], { cwd: c.dir });
      assertExit(run, 3);
    },
    after: (c) => c.project.write("db/migrations/V2__broken.sql", "CREATE TABLE bb (id INTEGER);\n\nCREATE TABLE c (id INTEGER);\n"),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_RESUME_CHANGED", exit: 3, file: "db/migrations/V2__broken.sql" },
  },

  // ---- history and versions -----------------------------------------------------------
  {
    kind: "edited applied migration",
    on: "all",
    files: () => V1,
    setup: migrated,
    after: (c) => c.project.write("db/migrations/V1__create_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, name VARCHAR(10));\n"),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_CHECKSUM", exit: 3, file: "db/migrations/V1__create_a.sql", hint: /repair/ },
  },
  {
    kind: "applied migration whose file is gone",
    on: "all",
    files: () => ({ ...V1, "db/migrations/V2__create_b.sql": "CREATE TABLE b (id INTEGER);\n" }),
    setup: migrated,
    after: (c) => c.project.remove("db/migrations/V2__create_b.sql"),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_MISSING_FILE", exit: 3, message: /V2__create_b\.sql/ },
  },
  {
    kind: "pending migration older than the current version",
    files: () => ({ ...V1, "db/migrations/V3__create_c.sql": "CREATE TABLE c (id INTEGER);\n" }),
    setup: migrated,
    after: (c) => c.project.write("db/migrations/V2__create_b.sql", "CREATE TABLE b (id INTEGER);\n"),
    args: (c) => ["migrate", ...url(c)],
    expect: { code: "SHALE_E_IGNORED", exit: 3, file: "db/migrations/V2__create_b.sql", hint: /--out-of-order/ },
  },
  {
    kind: "migrate --to an unknown version",
    on: "all",
    files: () => V1,
    args: (c) => ["migrate", "--to", "7", ...url(c)],
    expect: { code: "SHALE_E_UNKNOWN_VERSION", exit: 2, message: /"7"/, hint: /1/ },
  },
  {
    kind: "migrate --to something that is not a version",
    files: () => V1,
    args: (c) => ["migrate", "--to", "latest", ...url(c)],
    expect: { code: "SHALE_E_UNKNOWN_VERSION", exit: 2, message: /latest/ },
  },
  {
    kind: "undo --to an unknown version",
    on: "all",
    files: () => V1_WITH_UNDO,
    setup: migrated,
    args: (c) => ["undo", "--to", "7", "--yes", ...url(c)],
    expect: { code: "SHALE_E_UNKNOWN_VERSION", exit: 2, message: /"7"/ },
  },
  {
    kind: "undo with no undo file",
    on: "all",
    files: () => V1,
    setup: migrated,
    args: (c) => ["undo", "--yes", ...url(c)],
    expect: { code: "SHALE_E_NO_UNDO", exit: 2, message: /V1__create_a\.sql/, hint: /U<version>/ },
  },
  {
    kind: "undo with nothing applied",
    files: () => V1_WITH_UNDO,
    args: (c) => ["undo", "--yes", ...url(c)],
    expect: { code: "SHALE_E_NO_UNDO", exit: 2, message: /Nothing to undo/ },
  },
  {
    kind: "undo of a TypeScript migration without down",
    files: () => ({ "db/migrations/V1__create_a.ts": "export async function up(ctx: { exec(sql: string): Promise<void> }) {\n  await ctx.exec(\"CREATE TABLE a (id INTEGER)\");\n}\n" }),
    setup: migrated,
    args: (c) => ["undo", "--yes", ...url(c)],
    expect: { code: "SHALE_E_NO_UNDO", exit: 2, file: "db/migrations/V1__create_a.ts", message: /down/ },
  },
  {
    kind: "undo --steps that is not a number",
    files: () => V1_WITH_UNDO,
    setup: migrated,
    args: (c) => ["undo", "--steps", "abc", "--yes", ...url(c)],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /abc/ },
  },
  {
    kind: "undo --steps 0",
    files: () => V1_WITH_UNDO,
    setup: migrated,
    args: (c) => ["undo", "--steps", "0", "--yes", ...url(c)],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /at least 1/ },
  },
  {
    kind: "undo with both --steps and --to",
    files: () => V1_WITH_UNDO,
    setup: migrated,
    args: (c) => ["undo", "--steps", "1", "--to", "0", "--yes", ...url(c)],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /--steps or --to/ },
  },
  {
    kind: "undo with no terminal and no --yes",
    on: "all",
    files: () => V1_WITH_UNDO,
    setup: migrated,
    args: (c) => ["undo", ...url(c)],
    expect: { code: "SHALE_E_CONFIRM_REQUIRED", exit: 2, hint: /--yes/ },
  },
  {
    kind: "destructive undo on a protected environment",
    on: "all",
    files: (c) => ({ ...V1_WITH_UNDO, "shale.config.ts": config(c.url, { protectedLocal: true }) }),
    setup: (c) => ok(c, ["migrate"]),
    args: () => ["undo", "--yes"],
    expect: { code: "SHALE_E_PROTECTED", exit: 2, message: /local/, hint: /--allow-protected/ },
  },
  {
    kind: "mark-applied with no versions",
    files: () => V1,
    args: (c) => ["mark-applied", ...url(c)],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /versions or --to/ },
  },
  {
    kind: "mark-applied of an unknown version",
    files: () => V1,
    args: (c) => ["mark-applied", "9", ...url(c)],
    expect: { code: "SHALE_E_UNKNOWN_VERSION", exit: 2, message: /"9"/ },
  },
  {
    kind: "mark-applied of an applied version",
    on: "all",
    files: () => V1,
    setup: migrated,
    args: (c) => ["mark-applied", "1", ...url(c)],
    expect: { code: "SHALE_E_UNKNOWN_VERSION", exit: 2, message: /not pending/ },
  },
  {
    kind: "unmark of a version never recorded",
    files: () => V1,
    setup: migrated,
    args: (c) => ["unmark", "5", ...url(c)],
    expect: { code: "SHALE_E_UNKNOWN_VERSION", exit: 2, message: /"5"/ },
  },
  {
    kind: "unmark with no versions",
    files: () => V1,
    setup: migrated,
    args: (c) => ["unmark", ...url(c)],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /versions or --to/ },
  },
  {
    kind: "baseline --version that is not a version",
    args: (c) => ["baseline", "--version", "abc", ...url(c)],
    expect: { code: "SHALE_E_USAGE", exit: 2, message: /"abc" is not a version/ },
  },
  {
    kind: "baseline on a migrated database",
    on: "all",
    files: () => V1,
    setup: migrated,
    args: (c) => ["baseline", "--version", "5", ...url(c)],
    expect: { code: "SHALE_E_BASELINE", exit: 3, message: /V1__create_a\.sql/ },
  },

  // ---- destructive commands -----------------------------------------------------------
  {
    kind: "clean on a protected environment",
    on: "all",
    files: (c) => ({ ...V1, "shale.config.ts": config(c.url, { protectedLocal: true }) }),
    setup: (c) => ok(c, ["migrate"]),
    args: () => ["clean", "--yes"],
    expect: { code: "SHALE_E_PROTECTED", exit: 2, message: /protected environment "local"/, hint: /--allow-protected/ },
  },
  {
    kind: "clean on a protected environment, refused before any question",
    files: (c) => ({ ...V1, "shale.config.ts": config(c.url, { protectedLocal: true }) }),
    setup: (c) => ok(c, ["migrate"]),
    args: () => ["clean"],
    expect: { code: "SHALE_E_PROTECTED", exit: 2 },
  },
  {
    kind: "clean with no terminal and no --yes",
    on: "all",
    files: () => V1,
    setup: migrated,
    args: (c) => ["clean", ...url(c)],
    expect: { code: "SHALE_E_CONFIRM_REQUIRED", exit: 2, hint: /--yes/ },
  },
  {
    kind: "reset with no terminal and no --yes",
    on: "all",
    files: () => V1,
    setup: migrated,
    args: (c) => ["reset", ...url(c)],
    expect: { code: "SHALE_E_CONFIRM_REQUIRED", exit: 2, hint: /--yes/ },
  },
  {
    kind: "reset on a protected environment",
    on: "all",
    files: (c) => ({ ...V1, "shale.config.ts": config(c.url, { protectedLocal: true }) }),
    setup: (c) => ok(c, ["migrate"]),
    args: () => ["reset", "--yes"],
    expect: { code: "SHALE_E_PROTECTED", exit: 2, hint: /--allow-protected/ },
  },
  {
    kind: "reset with a bad migration file",
    on: "all",
    files: () => V1,
    setup: migrated,
    after: (c) => c.project.write("db/migrations/V2__create_b.sql", "-- shale:transactionless\nCREATE TABLE b (id INTEGER);\n"),
    args: (c) => ["reset", "--yes", ...url(c)],
    expect: { code: "SHALE_E_DIRECTIVE", exit: 2, file: "db/migrations/V2__create_b.sql", line: 1 },
  },
];

function withAuth(base: string, user: string, password: string): string {
  const u = new URL(base);
  u.username = user;
  u.password = password;
  return u.toString();
}

function withDatabase(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

function runsOn(c: BadCase, dialect: DialectName): boolean {
  const on = c.on ?? ["sqlite"];
  return on === "all" || on.includes(dialect);
}

const MODE_FLAGS: Record<Mode, string[]> = { human: [], json: ["--json"], verbose: ["--verbose"] };

describeEachDialect("bad input to the shale command", (dialect) => {
  let db: TestDatabase;
  let secret: { url: string; dispose(): Promise<void> };
  let project: TestProject;

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    secret = await passwordUrl(db);
    project = createProject(secret.url);
  });

  afterEach(async () => {
    project.dispose();
    await secret.dispose();
    await db.drop();
  });

  for (const c of CASES.filter((c) => runsOn(c, dialect))) {
    it(c.kind, async () => {
      const ctx: Ctx = { dialect, db, url: secret.url, project, dir: project.dir };
      for (const [path, content] of Object.entries(c.files?.(ctx) ?? {})) project.write(path, content);
      await c.setup?.(ctx);
      c.after?.(ctx);
      const before = await snapshot(db);
      const expected = typeof c.expect === "function" ? c.expect(ctx) : c.expect;
      const args = c.args(ctx);
      for (const mode of c.modes ?? ["human", "json"]) {
        // Right after the command name: `status --url --json` would make --json the URL.
        const run = await runShale([...args.slice(0, 1), ...MODE_FLAGS[mode], ...args.slice(1)], {
          cwd: ctx.dir,
          env: { DATABASE_URL: LEAKY_DATABASE_URL, ...c.env?.(ctx) },
        });
        assertNoSecret(run);
        if (mode === "json") assertJsonError(run, expected);
        else assertHumanError(run, expected, { verbose: mode === "verbose" });
        const after = await snapshot(db);
        if (c.changes) c.changes(before, after, ctx);
        else assert.deepEqual(after, before, `the database did not change (${mode})\n${describeRun(run)}`);
        c.check?.(ctx);
      }
    });
  }

  it("validate exits 1 naming an edited file, and migrate refuses it", async () => {
    const ctx: Ctx = { dialect, db, url: secret.url, project, dir: project.dir };
    for (const [path, content] of Object.entries(V1)) project.write(path, content);
    await migrated(ctx);
    project.write("db/migrations/V1__create_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, name VARCHAR(10));\n");
    const before = await snapshot(db);

    const human = await runShale(["validate", ...url(ctx)], { cwd: ctx.dir, env: { DATABASE_URL: LEAKY_DATABASE_URL } });
    assertExit(human, 1);
    assertNoSecret(human);
    assert.match(human.stdout, /V1__create_a\.sql/, describeRun(human));
    assert.match(human.stdout, /changed/, describeRun(human));

    const json = await runShale(["validate", "--json", ...url(ctx)], { cwd: ctx.dir, env: { DATABASE_URL: LEAKY_DATABASE_URL } });
    assertExit(json, 1);
    assertNoSecret(json);
    const doc = JSON.parse(json.stdout) as { valid: boolean; problems: { script: string; state: string }[] };
    assert.equal(doc.valid, false);
    assert.deepEqual(doc.problems.map((p) => [p.script, p.state]), [["V1__create_a.sql", "changed"]]);

    const refused = await runShale(["migrate", "--json", ...url(ctx)], { cwd: ctx.dir, env: { DATABASE_URL: LEAKY_DATABASE_URL } });
    assertJsonError(refused, { code: "SHALE_E_CHECKSUM", exit: 3, file: "db/migrations/V1__create_a.sql" });
    assert.deepEqual(await snapshot(db), before);
  });
});

it("shale with no command prints the help on stderr and exits 2", async () => {
  const project = createProject("sqlite::memory:");
  try {
    const run = await runShale([], { cwd: project.dir });
    assertExit(run, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /Usage: shale/);
  } finally {
    project.dispose();
  }
});

/** The number of distinct kinds of bad input, for the record (and so a deleted case is noticed). */
it("covers at least 30 distinct kinds of bad input", () => {
  const kinds = new Set(CASES.map((c) => c.kind));
  assert.equal(kinds.size, CASES.length, "every kind is listed once");
  assert.ok(kinds.size >= 30, `${kinds.size} kinds`);
});
