/**
 * What the real `shale` command prints when things go right: `--json` documents in SPEC's
 * shape and alone on stdout, `--dry-run` SQL that runs as printed, colour only on a
 * terminal and never with NO_COLOR, help and version, and passwords masked even in
 * `--verbose` stack traces.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { DialectName } from "../../src/dialects/dialect.js";
import { createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";
import {
  CLI,
  LEAKY_DATABASE_URL,
  PASSWORD,
  assertExit,
  assertHumanError,
  assertJsonError,
  assertNoSecret,
  cliEnv,
  describeRun,
  passwordUrl,
  runShale,
  snapshot,
  type ShaleRun,
} from "./support.js";

const ANSI = /\u001b\[/;

const FILES = {
  "db/migrations/V1__create_a.sql": "CREATE TABLE a (id INTEGER PRIMARY KEY, name VARCHAR(50));\n",
  "db/migrations/V2__create_b.sql": "-- b refers to a\nCREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));\n\nINSERT INTO a (id, name) VALUES (1, 'it''s; quoted');\n",
};

/** Parses stdout as exactly one JSON document (JSON.parse rejects anything after it). */
function onlyDocument(run: ShaleRun): Record<string, unknown> {
  assert.ok(run.stdout.endsWith("\n"), `stdout ends with a newline\n${describeRun(run)}`);
  let doc: unknown;
  try {
    doc = JSON.parse(run.stdout);
  } catch (err) {
    assert.fail(`stdout is not exactly one JSON document: ${(err as Error).message}\n${describeRun(run)}`);
  }
  assert.ok(typeof doc === "object" && doc !== null && !Array.isArray(doc), "an object");
  return doc as Record<string, unknown>;
}

describeEachDialect("shale output", (dialect: DialectName) => {
  let db: TestDatabase;
  let secret: { url: string; dispose(): Promise<void> };
  let project: TestProject;
  const shale = (args: string[], env: Record<string, string | undefined> = {}): Promise<ShaleRun> =>
    runShale(args, { cwd: project.dir, env: { DATABASE_URL: LEAKY_DATABASE_URL, ...env } });

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    secret = await passwordUrl(db);
    project = createProject(secret.url, FILES);
  });

  afterEach(async () => {
    project.dispose();
    await secret.dispose();
    await db.drop();
  });

  it("status --json is SPEC's document, alone on stdout", async () => {
    assertExit(await shale(["migrate", "--to", "1", "--url", secret.url]), 0);
    const run = await shale(["status", "--json", "--url", secret.url]);
    assertExit(run, 0);
    assertNoSecret(run);
    assert.equal(run.stderr, "", "nothing on stderr either");
    const doc = onlyDocument(run);
    assert.deepEqual(Object.keys(doc).sort(), ["context", "current", "migrations"]);
    assert.equal(doc.context, "main");
    assert.equal(doc.current, "1");
    const migrations = doc.migrations as Record<string, unknown>[];
    assert.ok(Array.isArray(migrations));
    for (const m of migrations) {
      assert.deepEqual(Object.keys(m).sort(), ["checksum", "description", "installedOn", "script", "state", "type", "version"], JSON.stringify(m));
      assert.match(String(m.checksum), /^[0-9a-f]{64}$/);
    }
    assert.deepEqual(
      migrations.map((m) => [m.version, m.description, m.type, m.script, m.state]),
      [
        ["1", "create a", "sql", "V1__create_a.sql", "applied"],
        ["2", "create b", "sql", "V2__create_b.sql", "pending"],
      ],
    );
    assert.ok(!Number.isNaN(Date.parse(String(migrations[0]!.installedOn))), `installedOn is a date: ${migrations[0]!.installedOn}`);
    assert.equal(migrations[1]!.installedOn, null);
    assert.ok(!ANSI.test(run.stdout));
  });

  it("migrate --json is one document, with progress kept off stdout and stderr", async () => {
    const run = await shale(["migrate", "--json", "--url", secret.url]);
    assertExit(run, 0);
    assertNoSecret(run);
    assert.equal(run.stderr, "");
    const doc = onlyDocument(run);
    assert.equal(doc.context, "main");
    assert.equal(doc.current, "2");
    assert.equal(doc.dryRun, false);
    assert.deepEqual((doc.applied as { script: string }[]).map((a) => a.script), ["V1__create_a.sql", "V2__create_b.sql"]);

    const again = await shale(["migrate", "--json", "--url", secret.url]);
    assertExit(again, 0);
    assert.deepEqual(onlyDocument(again).applied, []);
  });

  it("migrate prints progress on stderr and its result on stdout, without colour off a terminal", async () => {
    const run = await shale(["migrate", "--url", secret.url]);
    assertExit(run, 0);
    assertNoSecret(run);
    assert.match(run.stdout, /Applied 2 migrations in context main; now at version 2\./);
    assert.match(run.stderr, /V1__create_a\.sql/);
    assert.match(run.stderr, /V2__create_b\.sql/);
    assert.ok(!ANSI.test(run.stdout + run.stderr), describeRun(run));
    const status = await shale(["status", "--url", secret.url]);
    assertExit(status, 0);
    assert.match(status.stdout, /Version\s+Description\s+Type\s+State/);
    assert.match(status.stdout, /current version 2/);
    assert.ok(!ANSI.test(status.stdout + status.stderr));
  });

  it("migrate --dry-run prints the SQL, touches nothing, and the SQL runs as printed", async () => {
    const before = await snapshot(db);
    const run = await shale(["migrate", "--dry-run", "--url", secret.url]);
    assertExit(run, 0);
    assertNoSecret(run);
    assert.deepEqual(await snapshot(db), before, "a dry run changes nothing");
    assert.match(run.stdout, /CREATE TABLE a/);
    assert.match(run.stdout, /shale_history/);

    const json = await shale(["migrate", "--dry-run", "--json", "--url", secret.url]);
    assertExit(json, 0);
    const doc = onlyDocument(json);
    assert.equal(doc.dryRun, true);
    assert.ok((doc.sql as string[]).some((s) => /CREATE TABLE b/.test(s)));

    // The printed script, run by the database's own client on a fresh database, does the migration.
    const fresh = await createTestDatabase(dialect);
    try {
      await execScript(fresh, run.stdout);
      const after = await snapshot(fresh);
      assert.deepEqual(after.tables, ["a", "b", "shale_history"]);
      assert.deepEqual(after.history!.map((r) => [r.version, r.script]), [
        ["1", "V1__create_a.sql"],
        ["2", "V2__create_b.sql"],
      ]);
      // shale agrees that the fresh database is migrated.
      const status = await shale(["status", "--json", "--url", fresh.url]);
      assertExit(status, 0);
      const migrations = onlyDocument(status).migrations as { state: string }[];
      assert.deepEqual(migrations.map((m) => m.state), ["applied", "applied"]);
    } finally {
      await fresh.drop();
    }
  });

  it("validate exits 0 on a valid history", async () => {
    assertExit(await shale(["migrate", "--url", secret.url]), 0);
    const run = await shale(["validate", "--url", secret.url]);
    assertExit(run, 0);
    assert.match(run.stdout, /^valid: 2 migrations/);
    const json = await shale(["validate", "--json", "--url", secret.url]);
    assertExit(json, 0);
    const doc = onlyDocument(json);
    assert.equal(doc.valid, true);
    assert.deepEqual(doc.problems, []);
  });

  it("--verbose shows the stack of an unexpected error, with the password masked", async () => {
    // The thrown message holds the password bare and in a URL; shale knows it from --url and DATABASE_URL.
    project.write(
      "db/migrations/V3__fails.ts",
      `export async function up(): Promise<void> {\n  throw new Error("cannot log in as app:${PASSWORD} to postgres://app:${PASSWORD}@db.internal/app");\n}\n`,
    );
    assertExit(await shale(["migrate", "--to", "2", "--url", secret.url]), 0);
    const before = await snapshot(db);
    const verbose = await shale(["migrate", "--verbose", "--url", secret.url]);
    assertNoSecret(verbose);
    assertHumanError(verbose, { code: "SHALE_E_MIGRATION_FAILED", exit: 3, file: "db/migrations/V3__fails.ts", message: /cannot log in/ }, { verbose: true });
    assert.match(verbose.stderr, /^\s+at .+/m, `a stack trace under --verbose\n${describeRun(verbose)}`);
    assert.match(verbose.stderr, /\*\*\*\*/);
    const json = await shale(["migrate", "--json", "--verbose", "--url", secret.url]);
    assertNoSecret(json);
    // MySQL cannot roll a TypeScript migration back: the failed entry now stops the next run.
    const code = dialect === "mysql" ? "SHALE_E_FAILED_ENTRY" : "SHALE_E_MIGRATION_FAILED";
    assertJsonError(json, { code, exit: 3, file: "db/migrations/V3__fails.ts", message: /cannot log in/ });
    if (dialect !== "mysql") assert.deepEqual(await snapshot(db), before);
  });

  it("--verbose on a failed connection masks the password in the driver's stack", async () => {
    const bad = dialect === "sqlite" ? `postgres://app:${PASSWORD}@127.0.0.1:1/app` : `${dialect}://app:${PASSWORD}@127.0.0.1:1/app`;
    const run = await shale(["status", "--verbose", "--url", bad]);
    assertNoSecret(run);
    assertHumanError(run, { code: "SHALE_E_CONNECT", exit: 3 }, { verbose: true });
    assert.match(run.stderr, /app:\*\*\*\*@127\.0\.0\.1:1/);
  });
});

describe("shale output without a database", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "shale-o-"));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const COMMON = ["--config", "--env", "--context", "--url", "--json", "--verbose"];
  const COMMANDS: Record<string, { writes?: boolean; destroys?: boolean; extra?: string[] }> = {
    init: { extra: ["--dialect"] },
    new: { extra: ["--sql", "--ts", "--repeatable", "--undo"] },
    migrate: { writes: true, extra: ["--to", "--out-of-order"] },
    undo: { writes: true, destroys: true, extra: ["--steps", "--to"] },
    status: {},
    validate: {},
    baseline: { writes: true, extra: ["--version"] },
    "mark-applied": { writes: true, extra: ["--to"] },
    unmark: { writes: true, extra: ["--to"] },
    repair: { writes: true },
    clean: { writes: true, destroys: true },
    seed: { writes: true },
    reset: { writes: true, destroys: true },
  };

  it("shale --help lists every command and exits 0", async () => {
    const run = await runShale(["--help"], { cwd: dir });
    assertExit(run, 0);
    assert.match(run.stdout, /^Usage: shale/);
    for (const name of Object.keys(COMMANDS)) assert.match(run.stdout, new RegExp(`^  ${name} `, "m"), `lists ${name}`);
    assert.ok(!ANSI.test(run.stdout));
  });

  it("shale migrate --help lists its options and exits 0", async () => {
    const run = await runShale(["migrate", "--help"], { cwd: dir });
    assertExit(run, 0);
    for (const option of [...COMMON, "--dry-run", "--to", "--out-of-order"]) assert.ok(run.stdout.includes(option), `lists ${option}\n${run.stdout}`);
  });

  for (const [name, kind] of Object.entries(COMMANDS)) {
    it(`shale ${name} --help lists the options every command takes`, async () => {
      const run = await runShale([name, "--help"], { cwd: dir });
      assertExit(run, 0);
      assert.equal(run.stderr, "");
      const expected = [...COMMON, ...(kind.extra ?? []), ...(kind.writes ? ["--dry-run"] : []), ...(kind.destroys ? ["--yes", "--allow-protected"] : [])];
      for (const option of expected) assert.ok(run.stdout.includes(option), `${name} --help lists ${option}\n${run.stdout}`);
      if (!kind.writes) assert.ok(!run.stdout.includes("--dry-run"), `${name} writes nothing, so it takes no --dry-run`);
    });
  }

  it("shale help <command> works like --help", async () => {
    const run = await runShale(["help", "undo"], { cwd: dir });
    assertExit(run, 0);
    assert.match(run.stdout, /--steps/);
  });

  it("--version and -V print the package version and exit 0", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const run = await runShale([flag], { cwd: dir });
      assertExit(run, 0);
      assert.equal(run.stdout.trim(), version);
      assert.equal(run.stderr, "");
    }
  });

  it("baseline --version is baseline's option, not shale's version", async () => {
    const run = await runShale(["baseline", "--version", "3", "--url", `sqlite:${join(dir, "app.db")}`, "--json"], { cwd: dir });
    assertExit(run, 0);
    const doc = onlyDocument(run);
    assert.equal(doc.version, "3");
  });

  it("init and new print what they created", async () => {
    const init = await runShale(["init"], { cwd: dir });
    assertExit(init, 0);
    assert.match(init.stdout, /created shale\.config\.ts/);
    const created = await runShale(["new", "add posts", "--json"], { cwd: dir });
    assertExit(created, 0);
    const doc = onlyDocument(created);
    assert.match(String(doc.version), /^\d{14}$/);
    assert.deepEqual(doc.files, [`db/migrations/V${String(doc.version)}__add_posts.sql`]);
  });

  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

  it("colours a terminal, and not when NO_COLOR is set", { skip: hasScript ? false : "util-linux script is not installed" }, async () => {
    const project = createProject(`sqlite:${join(dir, "app.db")}`, FILES);
    // status reads only an existing database.
    new Database(join(dir, "app.db")).close();
    try {
      const url = `sqlite:${join(dir, "app.db")}`;
      const { code, output } = runOnTerminal(project.dir, ["status", "--url", url], {});
      assert.equal(code, 0, output);
      assert.ok(ANSI.test(output), `colour on a terminal: ${JSON.stringify(output)}`);
      const plain = runOnTerminal(project.dir, ["status", "--url", url], { NO_COLOR: "1" });
      assert.equal(plain.code, 0, plain.output);
      assert.match(plain.output, /pending/);
      assert.ok(!ANSI.test(plain.output), `no colour with NO_COLOR=1: ${JSON.stringify(plain.output)}`);
      const json = runOnTerminal(project.dir, ["status", "--json", "--url", url], {});
      assert.ok(!ANSI.test(json.output), "no colour in JSON, even on a terminal");
      JSON.parse(json.output.replace(/\r\n/g, "\n"));
    } finally {
      project.dispose();
    }
  });

  /** Runs shale with stdout on a pseudo-terminal (util-linux `script`). */
  function runOnTerminal(cwd: string, args: string[], env: Record<string, string | undefined>): { code: number | null; output: string } {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
    const result = spawnSync("script", ["-qec", command, "/dev/null"], { cwd, env: cliEnv({ TERM: "xterm", ...env }), encoding: "utf8", timeout: 60_000 });
    return { code: result.status, output: result.stdout };
  }

  it("no colour when stdout is not a terminal, whatever TERM says", async () => {
    const project = createProject(`sqlite:${join(dir, "app.db")}`, FILES);
    // status reads only an existing database.
    new Database(join(dir, "app.db")).close();
    try {
      const run = await runShale(["status", "--url", `sqlite:${join(dir, "app.db")}`], { cwd: project.dir, env: { TERM: "xterm-256color" } });
      assertExit(run, 0);
      assert.ok(!ANSI.test(run.stdout + run.stderr), describeRun(run));
    } finally {
      project.dispose();
    }
  });
});

/** Runs a printed SQL script with the database's own client, as a person would paste it. */
async function execScript(db: TestDatabase, script: string): Promise<void> {
  if (db.dialect === "sqlite") {
    const sqlite = new Database(db.url.replace(/^sqlite:/, ""));
    try {
      sqlite.exec(script);
    } finally {
      sqlite.close();
    }
    return;
  }
  if (db.dialect === "postgres") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(script);
    } finally {
      await client.end();
    }
    return;
  }
  const mysql = await import("mysql2/promise");
  const conn = await mysql.createConnection({ uri: db.url, multipleStatements: true });
  try {
    await conn.query(script);
  } finally {
    await conn.end();
  }
}
