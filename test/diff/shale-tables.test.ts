/**
 * `diff` leaves out shale's own tables by their exact names (every context's history table,
 * the lock table) and nothing else: a user's table whose name merely starts with
 * `shale_history` is compared like any other.
 */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { diff } from "../../src/api/diff.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";

describeEachDialect("diff and shale's own tables", (dialect) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let project: TestProject;
  const int = dialect === "mysql" ? "int" : "integer";

  before(async () => {
    a = await createTestDatabase(dialect);
    b = await createTestDatabase(dialect);
    const own = ["shale_history", "shale_history_audit", "shale_lock"];
    const tables: [TestDatabase, string[]][] = [
      [a, ["users", ...own, "shale_history_archive"]],
      [b, ["users"]],
    ];
    for (const [db, names] of tables) {
      const conn = await connectTestDatabase(db);
      try {
        for (const name of names) await conn.exec(`CREATE TABLE ${name} (id ${int} NOT NULL PRIMARY KEY)`);
      } finally {
        await conn.close();
      }
    }
    project = createProject(a.url);
    project.write("shale.config.json", JSON.stringify({ contexts: { main: {}, audit: {} } }));
  });

  after(async () => {
    await a?.drop();
    await b?.drop();
    project?.dispose();
  });

  it("shows a user table named shale_history_archive, and none of shale's tables", async () => {
    const result = await diff({ from: a.url, to: b.url, cwd: project.dir, format: "json" });
    const archive = dialect === "postgres" ? "public.shale_history_archive" : "shale_history_archive";
    assert.deepEqual(
      result.report.changes.map((c) => `${c.kind} ${c.object}`),
      [`drop-table ${archive}`],
    );
    const back = await diff({ from: b.url, to: a.url, cwd: project.dir });
    assert.deepEqual(
      back.report.changes.map((c) => `${c.kind} ${c.object}`),
      [`create-table ${archive}`],
    );
    assert.doesNotMatch(back.text, /shale_history_audit|shale_lock|"shale_history"|`shale_history`/);
  });

  it("leaves out a history table that only the config names", async () => {
    const other = createProject(a.url);
    try {
      other.write("shale.config.json", JSON.stringify({ historyTable: "shale_history_archive" }));
      const result = await diff({ from: a.url, to: b.url, cwd: other.dir, format: "json" });
      const objects = result.report.changes.map((c) => `${c.kind} ${c.object.replace(/^public\./, "")}`);
      // This config has no audit context, so shale_history_audit is a user table to it; the default shale_history never is.
      assert.deepEqual(objects, ["drop-table shale_history_audit"]);
    } finally {
      other.dispose();
    }
  });
});
