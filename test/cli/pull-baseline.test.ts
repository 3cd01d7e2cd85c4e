/**
 * `shale pull` and `shale baseline --from-db` through the real command on every dialect: the
 * pulled DDL loads into an empty database with the database's own client and gives the same
 * schema; the baseline file is written, recorded, refused when it exists, only printed under
 * --dry-run, and migrating a fresh database with it gives the same schema again.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, it } from "node:test";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows } from "../support/catalog.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, mysqlAdminUrl, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";
import { assertExit, assertHumanError, assertJsonError, assertNoSecret, describeRun, passwordUrl, runShale } from "./support.js";

/**
 * Tables created child first (PostgreSQL checks keys at CREATE TABLE, so there parent first),
 * so that only an order by foreign keys loads them; an index and a view on top.
 */
function liveSchema(dialect: DialectName): string[] {
  const int = dialect === "mysql" ? "int" : "integer";
  const tables = [
    `CREATE TABLE a_comments (id ${int} NOT NULL PRIMARY KEY, post_id ${int} NOT NULL, body text, CONSTRAINT a_comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES m_posts (id) ON DELETE CASCADE)`,
    `CREATE TABLE m_posts (id ${int} NOT NULL PRIMARY KEY, author_id ${int}, title varchar(200) NOT NULL, CONSTRAINT m_posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES z_authors (id))`,
    `CREATE TABLE z_authors (id ${int} NOT NULL PRIMARY KEY, name varchar(100) NOT NULL)`,
  ];
  return [
    ...(dialect === "mysql" ? ["SET FOREIGN_KEY_CHECKS = 0"] : []),
    ...(dialect === "postgres" ? tables.reverse() : tables),
    "CREATE INDEX m_posts_title_idx ON m_posts (title)",
    "CREATE VIEW post_titles AS SELECT id, title FROM m_posts",
  ];
}

/** Runs a SQL file with the database's own client. */
function loadWithClient(dialect: DialectName, url: string, file: string): void {
  let run;
  if (dialect === "postgres") run = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file, url], { encoding: "utf8" });
  else if (dialect === "sqlite") run = spawnSync("sqlite3", ["-bail", url.replace(/^sqlite:/, "")], { input: readFileSync(file), encoding: "utf8" });
  else {
    const admin = new URL(mysqlAdminUrl());
    const args = ["-h", admin.hostname, "-P", admin.port || "3306", "-u", decodeURIComponent(admin.username), decodeURIComponent(new URL(url).pathname.slice(1))];
    run = spawnSync("mariadb", args, { input: readFileSync(file), encoding: "utf8", env: { ...process.env, MYSQL_PWD: decodeURIComponent(admin.password) } });
  }
  assert.equal(run.status, 0, `the client failed: ${run.stdout}${run.stderr}\n--- ${file}\n${readFileSync(file, "utf8")}`);
}

describeEachDialect("shale pull and baseline --from-db", (dialect) => {
  let source: TestDatabase;
  let fresh: TestDatabase;
  let url: { url: string; dispose(): Promise<void> };
  let project: TestProject;
  const shale = (args: string[]) => runShale(args, { cwd: project.dir });

  beforeEach(async () => {
    source = await createTestDatabase(dialect);
    fresh = await createTestDatabase(dialect);
    const conn = await connectTestDatabase(source);
    try {
      for (const sql of liveSchema(dialect)) await conn.exec(sql);
    } finally {
      await conn.close();
    }
    url = await passwordUrl(source);
    project = createProject(url.url);
    // The history table exists before pull (migrate makes it): it must not appear in the DDL.
    assertExit(await shale(["migrate", "--url", url.url]), 0);
  });

  afterEach(async () => {
    await url.dispose();
    await source.drop();
    await fresh.drop();
    project.dispose();
  });

  it("pull prints DDL that loads into an empty database and gives the same schema", async () => {
    const run = await shale(["pull", "--url", url.url]);
    assertExit(run, 0);
    assertNoSecret(run);
    assert.doesNotMatch(run.stdout, /shale_history|shale_lock/);
    const at = (name: string) => run.stdout.indexOf(`CREATE TABLE ${dialect === "mysql" ? "`" : '"'}${dialect === "postgres" ? 'public"."' : ""}${name}`);
    assert.ok(at("z_authors") >= 0 && at("z_authors") < at("m_posts") && at("m_posts") < at("a_comments"), `tables in foreign-key order\n${run.stdout}`);
    const written = await shale(["pull", "--url", url.url, "--out", "schema.sql"]);
    assertExit(written, 0);
    assert.match(written.stdout, /^Wrote schema\.sql: 3 tables in \d+ statements\.\n$/);
    assert.equal(readFileSync(join(project.dir, "schema.sql"), "utf8"), `${run.stdout}`);
    loadWithClient(dialect, fresh.url, join(project.dir, "schema.sql"));
    const same = await shale(["diff", "--from", url.url, "--to", fresh.url, "--exit-code"]);
    assert.equal(same.code, 0, `the loaded schema equals the source\n${describeRun(same)}`);
    const json = await shale(["pull", "--url", url.url, "--json"]);
    assertExit(json, 0);
    const doc = JSON.parse(json.stdout) as { format: string; tables: number; text: string };
    assert.equal(doc.format, "sql");
    assert.equal(doc.tables, 3);
    assert.equal(`${doc.text}`, run.stdout);
  });

  it("pull --format ts is refused for now", async () => {
    const expect = { code: "SHALE_E_USAGE", exit: 2 as const, message: /--format ts is not available yet/, hint: /--format sql/ };
    assertHumanError(await shale(["pull", "--url", url.url, "--format", "ts"]), expect);
    assertJsonError(await shale(["pull", "--url", url.url, "--format", "ts", "--json"]), expect);
  });

  it("baseline --from-db writes V1__baseline.sql, records the baseline, and a fresh database migrates to the same schema", async () => {
    const run = await shale(["baseline", "--from-db", "--url", url.url]);
    assertExit(run, 0);
    assertNoSecret(run);
    assert.match(run.stdout, /^Wrote db\/migrations\/V1__baseline\.sql: the live schema as DDL\.\nBaselined context main at version 1/);
    const file = readFileSync(join(project.dir, "db/migrations/V1__baseline.sql"), "utf8");
    assert.doesNotMatch(file, /shale_history|postgres:\/\/|mysql:\/\/|sqlite:/);
    const conn = await connectTestDatabase(source);
    try {
      assert.deepEqual((await historyRows(conn)).map((r) => [r.version, r.type]), [["1", "baseline"]]);
    } finally {
      await conn.close();
    }
    const status = await shale(["status", "--url", url.url, "--json"]);
    assertExit(status, 0);
    const migrations = (JSON.parse(status.stdout) as { migrations: { script: string; state: string }[] }).migrations;
    assert.ok(migrations.some((m) => m.script === "V1__baseline.sql" && m.state === "ignored"), status.stdout);
    const migrated = await shale(["migrate", "--url", fresh.url]);
    assertExit(migrated, 0);
    const same = await shale(["diff", "--from", url.url, "--to", fresh.url, "--exit-code"]);
    assert.equal(same.code, 0, `migrating the baseline file gives the same schema\n${describeRun(same)}`);
  });

  it("baseline --from-db --dry-run prints the file and the SQL, and writes nothing", async () => {
    const run = await shale(["baseline", "--from-db", "--dry-run", "--version", "3", "--url", url.url]);
    assertExit(run, 0);
    assert.match(run.stdout, /^-- db\/migrations\/V3__baseline\.sql \(not written: dry run\)\n-- Baseline \(/);
    assert.match(run.stdout, /CREATE TABLE/);
    assert.match(run.stdout, /INSERT INTO/);
    assert.deepEqual(readdirSync(join(project.dir, "db/migrations")), []);
    const conn = await connectTestDatabase(source);
    try {
      assert.deepEqual(await historyRows(conn), []);
    } finally {
      await conn.close();
    }
  });

  it("baseline --from-db refuses when the file exists", async () => {
    project.write("db/migrations/V1__baseline.sql", "-- mine\n");
    const expect = { code: "SHALE_E_FILE_EXISTS", exit: 2 as const, file: "db/migrations/V1__baseline.sql", hint: /--version/ };
    assertHumanError(await shale(["baseline", "--from-db", "--url", url.url]), expect);
    assertJsonError(await shale(["baseline", "--from-db", "--url", url.url, "--json"]), expect);
    assert.equal(readFileSync(join(project.dir, "db/migrations/V1__baseline.sql"), "utf8"), "-- mine\n");
  });
});
