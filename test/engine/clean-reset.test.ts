// `clean` and `reset` through the library API, once per dialect: what they drop and rebuild, dry runs, and protected environments from a real config file.
import assert from "node:assert/strict";
import { beforeEach, it } from "node:test";
import { clean, migrate, reset, status } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows, tableNames, snapshot, type Snapshot } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("clean and reset", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, (db) => ({
    "shale.config.json": JSON.stringify({ environments: { local: { url: db.url }, prod: { url: db.url, protected: true } } }, null, 2),
    "db/migrations/V1__create_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n",
    "db/migrations/V2__create_posts.sql": "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n",
    "db/migrations/R__user_emails.sql": "CREATE VIEW user_emails AS SELECT email FROM users;\n",
    "db/seeds/R__admin.sql": "DELETE FROM users WHERE id = 1;\nINSERT INTO users (id, email) VALUES (1, 'admin@example.com');\n",
  }));
  /** The protected environment, chosen by name only: the protection comes from the config file. */
  let prod: { cwd: string; env: string };

  /** Tables and history rows: what a refused command must leave exactly as it was. */
  const snapshotNow = (): Promise<Snapshot> => snapshot(fx.conn, dialect);

  async function userEmails(): Promise<string[]> {
    return (await fx.conn.query<{ email: string }>("SELECT email FROM users ORDER BY id")).map((r) => String(r.email));
  }

  beforeEach(async () => {
    prod = { cwd: fx.project.dir, env: "prod" };
  });

  /** A migrated database with data, a foreign key in use, and a table no migration knows. */
  async function populate(): Promise<void> {
    await migrate(fx.project.options);
    await fx.conn.exec("INSERT INTO users (id, email) VALUES (7, 'seven@example.com')");
    await fx.conn.exec("INSERT INTO posts (id, user_id) VALUES (1, 7)");
    await fx.conn.exec("CREATE TABLE stray (id INTEGER)");
  }

  // --- clean ---

  it("clean drops every table and view, the history table included", async () => {
    await populate();
    const r = await clean(fx.project.options);
    assert.equal(r.dryRun, false);
    assert.equal(r.schemas.length, 1);
    for (const name of ["users", "posts", "user_emails", "stray", "shale_history"]) {
      assert.ok(r.sql.some((s) => s.startsWith("DROP ") && s.includes(name)), `a DROP for ${name}`);
    }
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
    // A clean database migrates from scratch.
    const m = await migrate(fx.project.options);
    assert.deepEqual(m.applied.map((a) => a.script), ["V1__create_users.sql", "V2__create_posts.sql", "R__user_emails.sql"]);
  });

  it("clean drops the other kinds of objects of the dialect too", async () => {
    await migrate(fx.project.options);
    let leftovers: string;
    if (dialect === "postgres") {
      await fx.conn.exec("CREATE TYPE mood AS ENUM ('ok', 'sad')");
      await fx.conn.exec("CREATE SEQUENCE counter");
      await fx.conn.exec("CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
      leftovers = `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'
        UNION ALL SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
        UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`;
    } else if (dialect === "mysql") {
      await fx.conn.exec("CREATE PROCEDURE noop() SELECT 1");
      await fx.conn.exec("CREATE TRIGGER users_lower BEFORE INSERT ON users FOR EACH ROW SET NEW.email = LOWER(NEW.email)");
      leftovers = `SELECT routine_name AS name FROM information_schema.routines WHERE routine_schema = DATABASE()
        UNION ALL SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()
        UNION ALL SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()`;
    } else {
      await fx.conn.exec("CREATE TRIGGER users_lower AFTER INSERT ON users BEGIN UPDATE users SET email = lower(email) WHERE id = NEW.id; END");
      await fx.conn.exec("CREATE INDEX users_email ON users (email)");
      leftovers = "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'shale_lock%'";
    }
    await clean(fx.project.options);
    assert.deepEqual(await fx.conn.query(leftovers), []);
  });

  it("clean on an empty database succeeds and drops nothing", async () => {
    const r = await clean(fx.project.options);
    assert.ok(!r.sql.some((s) => /^DROP /.test(s)));
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  it("clean dry run lists the DROP statements and drops nothing", async () => {
    await populate();
    const before = await snapshotNow();
    const r = await clean({ ...fx.project.options, dryRun: true });
    assert.equal(r.dryRun, true);
    assert.ok(r.sql.filter((s) => s.startsWith("DROP ")).length >= 5);
    assert.ok(r.sql.some((s) => s.startsWith("DROP ") && s.includes("shale_history")));
    assert.deepEqual(await snapshotNow(), before);
    assert.deepEqual(await userEmails(), ["seven@example.com"]);
  });

  it("clean on a protected environment is refused and drops nothing; allowProtected lets it run", async () => {
    await populate();
    const before = await snapshotNow();
    const err = await rejectsWith(clean(prod), "SHALE_E_PROTECTED");
    assert.match(err.message, /"prod"/);
    assert.match(err.hint ?? "", /--allow-protected/);
    assert.deepEqual(await snapshotNow(), before);
    const r = await clean({ ...prod, allowProtected: true });
    assert.ok(r.sql.length > 0);
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  it("the local environment of the same config is not protected", async () => {
    await populate();
    await clean({ cwd: fx.project.dir, env: "local" });
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  // --- reset ---

  it("reset cleans, migrates and seeds in one go", async () => {
    await populate();
    const r = await reset(fx.project.options);
    assert.equal(r.dryRun, false);
    assert.ok(r.clean.sql.some((s) => s.startsWith("DROP ") && s.includes("stray")));
    assert.deepEqual(r.migrate.applied.map((a) => a.script), ["V1__create_users.sql", "V2__create_posts.sql", "R__user_emails.sql"]);
    assert.deepEqual(r.seed.applied.map((a) => [a.script, a.type]), [["R__admin.sql", "seed"]]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["posts", "shale_history", "user_emails", "users"]);
    assert.deepEqual(await userEmails(), ["admin@example.com"], "old data gone, seed data in");
    assert.deepEqual((await historyRows(fx.conn)).map((h) => [h.version, h.type]), [
      ["1", "sql"],
      ["2", "sql"],
      [null, "repeatable"],
      [null, "seed"],
    ]);
    assert.deepEqual((await status(fx.project.options)).migrations.map((m) => m.state), ["applied", "applied", "applied"]);
  });

  it("reset on a protected environment is refused and changes nothing; allowProtected lets it run", async () => {
    await populate();
    const before = await snapshotNow();
    await rejectsWith(reset(prod), "SHALE_E_PROTECTED");
    const preview = await reset({ ...prod, dryRun: true });
    assert.ok(preview.sql.some((s) => /^DROP /i.test(s)), "a dry run is allowed: it is how the change is reviewed");
    assert.deepEqual(await snapshotNow(), before);
    assert.deepEqual(await userEmails(), ["seven@example.com"]);
    await reset({ ...prod, allowProtected: true });
    assert.deepEqual(await userEmails(), ["admin@example.com"]);
  });

  it("reset with a bad migration or seed file is refused before anything is dropped", async () => {
    await populate();
    const before = await snapshotNow();
    fx.project.write("db/migrations/V3__quote.sql", "INSERT INTO users (id, email) VALUES (2, 'oops);\n");
    await rejectsWith(reset(fx.project.options), "SHALE_E_SPLIT");
    fx.project.remove("db/migrations/V3__quote.sql");
    fx.project.write("db/seeds/V9__not_a_seed.sql", "SELECT 1;\n");
    await rejectsWith(reset(fx.project.options), "SHALE_E_FILE_NAME");
    fx.project.remove("db/seeds/V9__not_a_seed.sql");
    fx.project.write("db/seeds/R__broken.ts", "export async function up(ctx: any) { await ctx.exec(\n");
    await rejectsWith(reset(fx.project.options), "SHALE_E_TS_MIGRATION");
    assert.deepEqual(await snapshotNow(), before);
    assert.deepEqual(await userEmails(), ["seven@example.com"]);
  });

  it("reset dry run lists the DROPs, the migrations and the seeds, in that order, and changes nothing", async () => {
    await populate();
    const before = await snapshotNow();
    const r = await reset({ ...fx.project.options, dryRun: true });
    assert.equal(r.dryRun, true);
    const at = (re: RegExp): number => r.sql.findIndex((s) => re.test(s));
    const dropStray = at(/^DROP .*stray/);
    const createHistory = at(/^CREATE TABLE .*shale_history/);
    const createUsers = at(/CREATE TABLE users/);
    const createView = at(/CREATE VIEW user_emails/);
    const seedInsert = at(/INSERT INTO users \(id, email\) VALUES \(1, 'admin@example.com'\)/);
    assert.ok(dropStray >= 0, "the DROPs");
    assert.ok(createHistory > dropStray, "the history table is recreated after the clean");
    assert.ok(createUsers > createHistory && createView > createUsers, "then the migrations");
    assert.ok(seedInsert > createView, "then the seeds");
    assert.deepEqual(r.migrate.applied.map((a) => a.version), ["1", "2", null], "every migration, as if history were empty");
    assert.deepEqual(r.seed.applied.map((a) => a.script), ["R__admin.sql"]);
    assert.deepEqual(await snapshotNow(), before);
    assert.deepEqual(await userEmails(), ["seven@example.com"]);
  });
});
