/**
 * `shale diff` through the real command on every dialect: each format on stdout and with
 * --out, --json, --exit-code, sources given as URLs (with a password that must be printed
 * nowhere) and as env:NAME; then the bad inputs, each as a coded error with a hint, both on
 * stderr and as the one --json document, with nothing written.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import type { Connection, DialectName } from "../../src/dialects/dialect.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";
import { PASSWORD, assertExit, assertHumanError, assertJsonError, assertNoSecret, describeRun, passwordUrl, runShale, type ExpectedError } from "./support.js";

/** The schema both databases start with, per dialect. */
function baseSchema(dialect: DialectName): string[] {
  const int = dialect === "mysql" ? "int" : "integer";
  return [
    `CREATE TABLE users (id ${int} NOT NULL PRIMARY KEY, email varchar(100) NOT NULL, legacy varchar(10))`,
    "CREATE UNIQUE INDEX users_email_key ON users (email)",
  ];
}

/** What `to` has on top: a new table with a foreign key, a new column, a dropped column. */
function drift(dialect: DialectName): string[] {
  const int = dialect === "mysql" ? "int" : "integer";
  return [
    `CREATE TABLE posts (id ${int} NOT NULL PRIMARY KEY, user_id ${int} NOT NULL, title varchar(200), CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id))`,
    "ALTER TABLE users ADD COLUMN name varchar(50)",
    "ALTER TABLE users DROP COLUMN legacy",
  ];
}

async function run(conn: Connection, statements: readonly string[]): Promise<void> {
  for (const sql of statements) await conn.exec(sql);
}

describeEachDialect("shale diff", (dialect) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let urlA: { url: string; dispose(): Promise<void> };
  let urlB: { url: string; dispose(): Promise<void> };
  let project: TestProject;
  const shale = (args: string[], env: Record<string, string | undefined> = {}) => runShale(args, { cwd: project.dir, env });
  const both = () => ["--from", urlA.url, "--to", urlB.url];

  before(async () => {
    a = await createTestDatabase(dialect);
    b = await createTestDatabase(dialect);
    // shale's own tables, in one database only: a diff never shows them.
    const own = ["shale_history", "shale_history_audit", "shale_lock"].map((t) => `CREATE TABLE ${t} (x ${dialect === "mysql" ? "int" : "integer"})`);
    for (const [db, extra] of [[a, own], [b, drift(dialect)]] as const) {
      const conn = await connectTestDatabase(db);
      try {
        await run(conn, [...baseSchema(dialect), ...extra]);
      } finally {
        await conn.close();
      }
    }
    urlA = await passwordUrl(a);
    urlB = await passwordUrl(b);
    project = createProject(a.url);
    // shale_history_audit is the history table of the "audit" context.
    project.write("shale.config.json", JSON.stringify({ contexts: { main: {}, audit: {} }, environments: { prod: { url: urlA.url }, dev: { url: urlB.url } } }));
  });

  after(async () => {
    await urlA?.dispose();
    await urlB?.dispose();
    await a?.drop();
    await b?.drop();
    project?.dispose();
  });

  it("prints the SQL script on stdout by default, and exits 1 with --exit-code", async () => {
    const plain = await shale(["diff", ...both()]);
    assertExit(plain, 0);
    assertNoSecret(plain);
    assert.match(plain.stdout, /^-- shale diff \(/);
    assert.match(plain.stdout, /^-- [34] changes \(1 destructive\)/m);
    assert.match(plain.stdout, /CREATE TABLE [`"]?(public[`"]?\.[`"]?)?posts/);
    assert.match(plain.stdout, /-- WARNING: destructive: [^\n]*legacy/);
    assert.equal(plain.stderr, "");
    assert.doesNotMatch(plain.stdout, /shale_(history|lock)/);
    const checked = await shale(["diff", ...both(), "--exit-code"]);
    assertExit(checked, 1);
    assert.equal(checked.stdout, plain.stdout, "same report");
    assertExit(await shale(["diff", "--from", urlA.url, "--to", urlA.url, "--exit-code"]), 0);
  });

  it("writes Markdown and JSON, to stdout or to --out", async () => {
    const md = await shale(["diff", "--from", "env:prod", "--to", "env:dev", "--format", "md"]);
    assertExit(md, 0);
    assertNoSecret(md);
    assert.match(md.stdout, /^# Schema diff\n/);
    assert.match(md.stdout, /- \*\*From:\*\* `env:prod \([a-z]+:[^`]*\)`/);
    assert.match(md.stdout, /```mermaid\nerDiagram\n/);
    const json = await shale(["diff", ...both(), "--format", "json", "--out", "diff.json"]);
    assertExit(json, 0);
    assert.match(json.stdout, /^Wrote diff\.json: [34] changes \(1 destructive\)\.\n$/);
    const doc = JSON.parse(readFileSync(join(project.dir, "diff.json"), "utf8")) as { changes: { kind: string; object: string; destructive: boolean; sql: string[] }[]; summary: { changes: number } };
    const kinds = doc.changes.map((c) => c.kind);
    for (const kind of ["create-table", "add-column", "drop-column"]) assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(", ")}`);
    assert.deepEqual(doc.changes.filter((c) => c.destructive).map((c) => c.object), ["legacy"].map((n) => (dialect === "postgres" ? `public.users.${n}` : `users.${n}`)));
    assert.equal(doc.summary.changes, doc.changes.length);
    assert.ok(doc.changes.every((c) => c.sql.length > 0), "every change has its SQL");
    assert.ok(!readFileSync(join(project.dir, "diff.json"), "utf8").includes(PASSWORD));
  });

  it("--json prints the JSON report, and with --out --format sql writes the script too", async () => {
    const json = await shale(["diff", ...both(), "--json", "--exit-code"]);
    assertExit(json, 1);
    assertNoSecret(json);
    const doc = JSON.parse(json.stdout) as { changes: unknown[]; summary: { destructive: number } };
    assert.ok(doc.changes.length >= 3);
    assert.equal(doc.summary.destructive, 1);
    const both2 = await shale(["diff", ...both(), "--json", "--format", "sql", "--out", "d.sql"]);
    assertExit(both2, 0);
    assert.deepEqual(JSON.parse(both2.stdout), doc);
    assert.match(readFileSync(join(project.dir, "d.sql"), "utf8"), /^-- shale diff/);
  });

  const other = dialect === "sqlite" ? "postgres://u@127.0.0.1:1/x" : "sqlite::memory:";
  const cases: { kind: string; args: () => string[]; expect: ExpectedError; before?: () => void }[] = [
    { kind: "a --from that is no URL", args: () => ["diff", "--from", "nonsense", "--to", urlB.url], expect: { code: "SHALE_E_DIFF_SOURCE", exit: 2, message: /--from nonsense/, hint: /env:NAME/ } },
    {
      kind: "a migrations folder",
      before: () => mkdirSync(join(project.dir, "db/migrations"), { recursive: true }),
      args: () => ["diff", "--from", "db/migrations", "--to", urlB.url],
      expect: { code: "SHALE_E_DIFF_SOURCE", exit: 2, message: /migrations folder is not supported yet/ },
    },
    {
      kind: "a schema file",
      before: () => project.write("schema.sql", "CREATE TABLE t (id int);\n"),
      args: () => ["diff", "--from", urlA.url, "--to", "schema.sql"],
      expect: { code: "SHALE_E_DIFF_SOURCE", exit: 2, message: /--to schema\.sql: diffing a schema file is not supported yet/ },
    },
    { kind: "env:UNKNOWN", args: () => ["diff", "--from", "env:UNKNOWN", "--to", "env:dev"], expect: { code: "SHALE_E_UNKNOWN_ENV", exit: 2, message: /env:UNKNOWN/, hint: /prod, dev/ } },
    { kind: "a URL with an unknown scheme", args: () => ["diff", "--from", `foo://u:${PASSWORD}@x/y`, "--to", urlB.url], expect: { code: "SHALE_E_URL", exit: 2 } },
    { kind: "mixed dialects", args: () => ["diff", "--from", urlA.url, "--to", other], expect: { code: "SHALE_E_DIALECT_MISMATCH", exit: 2, hint: /same kind/ } },
    { kind: "no --to", args: () => ["diff", "--from", urlA.url], expect: { code: "SHALE_E_USAGE", exit: 2, message: /--to/ } },
    { kind: "--url", args: () => ["diff", ...both(), "--url", urlA.url], expect: { code: "SHALE_E_USAGE", exit: 2, message: /--url is not used/ } },
    { kind: "an unknown --format", args: () => ["diff", ...both(), "--format", "html"], expect: { code: "SHALE_E_USAGE", exit: 2, message: /html/ } },
    { kind: "--out in a missing folder", args: () => ["diff", ...both(), "--out", "no/such/dir/x.sql"], expect: { code: "SHALE_E_FILE_WRITE", exit: 2, hint: /existing folder/ } },
    ...(dialect === "sqlite"
      ? [{ kind: "a SQLite file that does not exist", args: () => ["diff", "--from", "sqlite:./missing.db", "--to", urlB.url], expect: { code: "SHALE_E_DATABASE_NOT_FOUND", exit: 3 as const, message: /missing\.db/ } }]
      : [{ kind: "an unreachable server", args: () => ["diff", "--from", `${dialect}://u:${PASSWORD}@127.0.0.1:1/db`, "--to", urlB.url], expect: { code: "SHALE_E_CONNECT", exit: 3 as const } }]),
  ];
  for (const c of cases) {
    it(`refuses ${c.kind}`, async () => {
      c.before?.();
      const human = await shale(c.args());
      assertHumanError(human, c.expect);
      assertNoSecret(human);
      const json = await shale([...c.args(), "--json"]);
      assertJsonError(json, c.expect);
      assertNoSecret(json);
      assert.ok(!existsSync(join(project.dir, "missing.db")), `no SQLite file created\n${describeRun(human)}`);
    });
  }

  it("refuses --json with --format md and no --out", async () => {
    const expect = { code: "SHALE_E_USAGE", exit: 2 as const, message: /--format md needs --out/ };
    assertJsonError(await shale(["diff", ...both(), "--json", "--format", "md"]), expect);
  });
});
