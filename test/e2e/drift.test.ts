/**
 * The dev/prod drift story, end to end with the real `shale` command on every dialect: two
 * databases from one base schema, dev drifted by about 70 columns, indexes, keys and tables
 * (and a trigger whose body holds several statements);
 * `shale diff --format md` reports every difference; `--format sql --out` writes a script
 * that the database's own client (psql, mariadb/mysql, sqlite3) applies to prod as it is;
 * afterwards `shale diff --exit-code` finds nothing, the two IRs are equal, and prod's rows
 * are still there.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { inspectSchema } from "../../src/api/schema-diff.js";
import type { Connection, DialectName } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { assertExit, describeRun, runShale } from "../cli/support.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, mysqlAdminUrl, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";
import { DEV, devTrigger, PROD, prodRows, schemaDdl } from "./drift-schema.js";

/** Runs a script with the database's own command-line client; returns its exit code and output. */
function applyWithClient(dialect: DialectName, url: string, file: string): { status: number | null; output: string } {
  let run;
  if (dialect === "postgres") {
    run = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", file, url], { encoding: "utf8" });
  } else if (dialect === "mysql") {
    const admin = new URL(mysqlAdminUrl());
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    const client = spawnSync("mariadb", ["--version"]).status === 0 ? "mariadb" : "mysql";
    const args = ["-h", admin.hostname, "-P", admin.port || "3306", "-u", decodeURIComponent(admin.username), database];
    run = spawnSync(client, args, { input: readFileSync(file), encoding: "utf8", env: { ...process.env, MYSQL_PWD: decodeURIComponent(admin.password) } });
  } else {
    run = spawnSync("sqlite3", ["-bail", url.replace(/^sqlite:/, "")], { input: readFileSync(file), encoding: "utf8" });
  }
  return { status: run.status, output: `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}` };
}

async function load(conn: Connection, statements: readonly string[]): Promise<void> {
  for (const sql of statements) await conn.exec(sql);
}

async function count(conn: Connection, table: string): Promise<number> {
  const [row] = await conn.query<{ n: number | string | bigint }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row!.n);
}

describeEachDialect("dev/prod drift, end to end", (dialect) => {
  let prod: TestDatabase;
  let dev: TestDatabase;
  let prodConn: Connection;
  let devConn: Connection;
  let project: TestProject;
  const shale = (args: string[]) => runShale(args, { cwd: project.dir, timeoutMs: 120_000 });

  before(async () => {
    prod = await createTestDatabase(dialect);
    dev = await createTestDatabase(dialect);
    prodConn = await connectTestDatabase(prod);
    devConn = await connectTestDatabase(dev);
    await load(prodConn, [...schemaDdl(PROD, dialect), ...prodRows(dialect)]);
    await load(devConn, [...schemaDdl(DEV, dialect), ...devTrigger(dialect)]);
    project = createProject(prod.url);
    project.write("shale.config.json", JSON.stringify({ environments: { prod: { url: prod.url, protected: true }, dev: { url: dev.url } } }, null, 2));
  });

  after(async () => {
    await prodConn?.close();
    await devConn?.close();
    await prod?.drop();
    await dev?.drop();
    project?.dispose();
  });

  it("finds nothing between a database and itself", async () => {
    assertExit(await shale(["diff", "--from", "env:dev", "--to", "env:dev", "--exit-code"]), 0);
  });

  it("reports every difference in Markdown", async () => {
    const run = await shale(["diff", "--from", "env:prod", "--to", "env:dev", "--format", "md", "--exit-code"]);
    assertExit(run, 1);
    const md = run.stdout;
    const total = Number(/^(\d+) changes \(\d+ destructive\)/m.exec(md)?.[1]);
    assert.ok(total >= 60 && total <= 90, `about 70 changes, got ${total}\n${md}`);
    for (const heading of ["## Summary", "## Destructive changes", "## Tables", "## Diagram", "## SQL"]) assert.ok(md.includes(`\n${heading}\n`), heading);
    const t = (name: string) => (dialect === "postgres" ? `public.${name}` : name);
    for (const table of ["categories", "users", "accounts", "products", "orders", "order_items", "sessions", "reviews", "wishlists", "audit_events"]) {
      assert.ok(md.includes(`### \`${t(table)}\``), `a section for ${table}`);
    }
    assert.match(md, /New table\./);
    assert.match(md, /⚠️ \*\*drop table [^*]*audit\\_events\*\*/);
    assert.match(md, /⚠️ \*\*drop column legacy\\_code from [^*]*users\*\*/);
    assert.match(md, /\| drop foreign key \| foreign key `orders_account_id_fkey` \| `\(account_id\) → [^`]*accounts\(id\)` \| — \|/);
    assert.match(md, /\| add column \| column `locale` \| — \| `(varchar|character varying)\(10\) NOT NULL DEFAULT 'en'[^`]*` \|/);
    assert.match(md, /\| replace index \| index `users_name_idx` \| `INDEX \(name\)` \| `INDEX \(name, email\)` \|/);
    assert.match(md, /\| alter column \(default\) \| column `plan` \|[^|]*'free'[^|]*\|[^|]*'basic'[^|]*\|/);
    assert.match(md, /```mermaid\nerDiagram\n/);
    assert.match(md, /"reviews" }o--\|\| "products" : "reviews_product_id_fkey"/);
    assert.match(md, /\| create trigger \| trigger `[^`]*orders_touch` \|/);
  });

  it("writes a SQL script that the database's own client applies, after which the databases are equal", async () => {
    const before = await Promise.all(["users", "products", "order_items"].map((table) => count(prodConn, table)));
    const out = await shale(["diff", "--from", "env:prod", "--to", "env:dev", "--format", "sql", "--out", "drift.sql"]);
    assertExit(out, 0);
    assert.match(out.stdout, /^Wrote drift\.sql: \d+ changes \(\d+ destructive\)\.\n$/);
    const file = join(project.dir, "drift.sql");
    const script = readFileSync(file, "utf8");
    assert.match(script, /^-- WARNING: destructive: /m);
    if (dialect === "mysql") assert.match(script, /^DELIMITER \$\$\nCREATE [^\n]*TRIGGER `orders_touch`[^]*END\$\$\nDELIMITER ;$/m);
    await prodConn.close();
    const applied = applyWithClient(dialect, prod.url, file);
    prodConn = await connectTestDatabase(prod);
    assert.equal(applied.status, 0, `the client failed:\n${applied.output}\n--- script\n${script}`);

    const again = await shale(["diff", "--from", "env:prod", "--to", "env:dev", "--exit-code"]);
    assert.equal(again.code, 0, `no difference left\n${describeRun(again)}`);
    const json = await shale(["diff", "--from", "env:prod", "--to", "env:dev", "--json"]);
    assertExit(json, 0);
    assert.deepEqual(JSON.parse(json.stdout).changes, []);

    const impl = await loadDialect(dialect);
    const own = { excludeTables: ["shale_history", "shale_lock"] };
    const [a, b] = await Promise.all([inspectSchema(impl, prodConn, own), inspectSchema(impl, devConn, own)]);
    assert.deepEqual(a, b, "prod's IR equals dev's");
    assert.deepEqual(await Promise.all(["users", "products", "order_items"].map((table) => count(prodConn, table))), before, "prod keeps its rows");
  });
});
