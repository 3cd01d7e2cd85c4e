/**
 * A SQLite URL naming a file that does not exist: commands that only read or remove (status,
 * validate, diff, pull, undo, clean, repair, unmark) refuse it with SHALE_E_DATABASE_NOT_FOUND
 * and create nothing; commands that build a database (migrate, baseline, seed, reset,
 * mark-applied) create it, but a dry run, or a run that fails before anything of the user's
 * is committed, leaves no file behind.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { createProject, type TestProject } from "../support/project.js";
import { assertExit, assertHumanError, assertJsonError, describeRun, runShale, type ShaleRun } from "./support.js";

const V1 = { "db/migrations/V1__create_a.sql": "CREATE TABLE a (id INTEGER PRIMARY KEY);\n" };

/** What the project folder holds besides the migrations and seeds. */
function leftovers(project: TestProject): string[] {
  return readdirSync(project.dir).filter((name) => name !== "db").sort();
}

/** The tables of a SQLite file, read without shale. */
function tablesOf(file: string): string[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe("a SQLite URL to a file that does not exist", () => {
  let project: TestProject;
  const shale = (args: string[]): Promise<ShaleRun> => runShale(args, { cwd: project.dir });

  beforeEach(() => {
    project = createProject("sqlite::memory:", V1);
  });
  afterEach(() => project.dispose());

  const refusing: { command: string; args: (url: string) => string[] }[] = [
    { command: "status", args: (url) => ["status", "--url", url] },
    { command: "validate", args: (url) => ["validate", "--url", url] },
    { command: "diff", args: (url) => ["diff", "--from", url, "--to", url] },
    { command: "pull", args: (url) => ["pull", "--url", url] },
    { command: "undo", args: (url) => ["undo", "--yes", "--url", url] },
    { command: "clean", args: (url) => ["clean", "--yes", "--url", url] },
    { command: "repair", args: (url) => ["repair", "--url", url] },
    { command: "unmark", args: (url) => ["unmark", "1", "--url", url] },
  ];
  for (const c of refusing) {
    it(`${c.command} refuses it with SHALE_E_DATABASE_NOT_FOUND and creates nothing`, async () => {
      for (const path of ["typo.db", "missing/dir/x.db"]) {
        const expected = { code: "SHALE_E_DATABASE_NOT_FOUND", exit: 3 as const, message: new RegExp(`${path.replace(/\./g, "\\.")} does not exist`), hint: /path/ };
        const human = await shale(c.args(`sqlite:${path}`));
        assertHumanError(human, expected);
        assertJsonError(await shale([...c.args(`sqlite:${path}`), "--json"]), expected);
        assert.deepEqual(leftovers(project), [], `no file or folder created\n${describeRun(human)}`);
      }
    });
  }

  it("an in-memory database is not a file, and is never missing", async () => {
    const run = await shale(["status", "--json", "--url", "sqlite::memory:"]);
    assertExit(run, 0);
    assert.deepEqual(JSON.parse(run.stdout).migrations.map((m: { state: string }) => m.state), ["pending"]);
  });

  it("migrate creates it, and the commands that refused it then read it", async () => {
    assertExit(await shale(["migrate", "--url", "sqlite:new.db"]), 0);
    assert.deepEqual(tablesOf(join(project.dir, "new.db")), ["a", "shale_history", "shale_lock"]);
    const status = await shale(["status", "--json", "--url", "sqlite:new.db"]);
    assertExit(status, 0);
    assert.equal(JSON.parse(status.stdout).current, "1");
  });

  it("seed, baseline, mark-applied and reset create it too", async () => {
    project.write("db/seeds/R__rows.sql", "SELECT 1;\n");
    for (const args of [["seed"], ["baseline", "--version", "1"], ["mark-applied", "1"], ["reset", "--yes"]]) {
      const file = `${args[0]}.db`;
      const run = await shale([...args, "--url", `sqlite:${file}`]);
      assertExit(run, 0);
      assert.ok(tablesOf(join(project.dir, file)).includes("shale_history"), describeRun(run));
    }
  });

  it("a dry run of a command that would create it prints the SQL and leaves no file", async () => {
    for (const args of [["migrate"], ["seed"], ["baseline", "--version", "1"], ["mark-applied", "1"], ["reset"]]) {
      const run = await shale([...args, "--dry-run", "--url", "sqlite:dry.db"]);
      assertExit(run, 0);
      assert.match(run.stdout, /CREATE TABLE IF NOT EXISTS "shale_history"/, describeRun(run));
      assert.deepEqual(leftovers(project), [], `no file left\n${describeRun(run)}`);
    }
  });

  it("a migrate that fails before anything of the user's is committed leaves no file", async () => {
    project.write("db/migrations/V1__create_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\nINSERT INTO missing_table VALUES (1);\n");
    assertHumanError(await shale(["migrate", "--url", "sqlite:failed.db"]), { code: "SHALE_E_MIGRATION_FAILED", exit: 3 });
    assert.deepEqual(leftovers(project), []);
    project.write("db/migrations/V1__create_a.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY, n TEXT DEFAULT 'x);\n");
    assertHumanError(await shale(["migrate", "--url", "sqlite:failed.db"]), { code: "SHALE_E_SPLIT", exit: 2 });
    assert.deepEqual(leftovers(project), [], "a file shale cannot cut fails the run after the lock table was written");
  });

  it("a migrate that fails after applying a migration keeps the file, with what was applied", async () => {
    project.write("db/migrations/V2__bad.sql", "INSERT INTO missing_table VALUES (1);\n");
    assertHumanError(await shale(["migrate", "--url", "sqlite:half.db"]), { code: "SHALE_E_MIGRATION_FAILED", exit: 3 });
    assert.deepEqual(tablesOf(join(project.dir, "half.db")), ["a", "shale_history", "shale_lock"]);
    const status = await shale(["status", "--json", "--url", "sqlite:half.db"]);
    assert.deepEqual(JSON.parse(status.stdout).migrations.map((m: { state: string }) => m.state), ["applied", "pending"]);
  });

  it("a migrate that fails in an existing, empty file leaves the file alone", async () => {
    new Database(join(project.dir, "empty.db")).close();
    project.write("db/migrations/V1__create_a.sql", "INSERT INTO missing_table VALUES (1);\n");
    assertHumanError(await shale(["migrate", "--url", "sqlite:empty.db"]), { code: "SHALE_E_MIGRATION_FAILED", exit: 3 });
    assert.ok(existsSync(join(project.dir, "empty.db")), "a file shale did not create is never removed");
  });
});
