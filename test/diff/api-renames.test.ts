/** The `diff` API takes renames: a renamed table and column are renamed, never dropped and added. */
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { diff } from "../../src/api/diff.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";

describeEachDialect("diff with renames", (dialect) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let project: TestProject;
  const schema = dialect === "postgres" ? "public" : "";
  const int = dialect === "mysql" ? "int" : "integer";

  before(async () => {
    a = await createTestDatabase(dialect);
    b = await createTestDatabase(dialect);
    for (const [db, sql] of [
      [a, `CREATE TABLE users (id ${int} NOT NULL PRIMARY KEY, mail varchar(100))`],
      [b, `CREATE TABLE people (id ${int} NOT NULL PRIMARY KEY, email varchar(100))`],
    ] as const) {
      const conn = await connectTestDatabase(db);
      try {
        await conn.exec(sql);
      } finally {
        await conn.close();
      }
    }
    project = createProject(a.url);
  });

  after(async () => {
    await a?.drop();
    await b?.drop();
    project?.dispose();
  });

  it("drops and adds without renames, and renames with them", async () => {
    const plain = await diff({ from: a.url, to: b.url, cwd: project.dir, format: "json" });
    assert.deepEqual(plain.report.changes.map((c) => c.kind).sort(), ["create-table", "drop-table"]);
    const renames = {
      tables: [{ from: { schema, name: "users" }, to: { schema, name: "people" } }],
      columns: [{ table: { schema, name: "people" }, from: "mail", to: "email" }],
    };
    const renamed = await diff({ from: a.url, to: b.url, cwd: project.dir, format: "json", renames });
    // PostgreSQL's primary key keeps its old name (users_pkey), so it is dropped and added as people_pkey.
    const keys = dialect === "postgres" ? ["drop-primary-key", "add-primary-key"] : [];
    assert.deepEqual(renamed.report.changes.map((c) => c.kind).sort(), ["rename-column", "rename-table", ...keys].sort());
    assert.equal(renamed.destructive, 0);
  });
});
