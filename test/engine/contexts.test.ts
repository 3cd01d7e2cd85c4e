/**
 * Contexts: two migration streams in one database, each with its own folder and history
 * table, chosen with `context`; and an environment chosen from the config file.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, it } from "node:test";
import type { Connection, DialectName } from "../../src/dialects/dialect.js";
import { migrate, status } from "../../src/index.js";
import { historyRows, tableNames } from "../support/catalog.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, rejectsWith, type TestProject } from "../support/project.js";

describeEachDialect("contexts", (dialect: DialectName) => {
  let db: TestDatabase;
  let conn: Connection;
  let project: TestProject;

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    conn = await connectTestDatabase(db);
    project = createProject(db.url, {
      "shale.config.json": JSON.stringify({
        contexts: { main: { migrations: "db/main" }, audit: { migrations: "db/audit" } },
        environments: { local: { url: db.url } },
      }),
      "db/main/V1__users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
      "db/main/V2__posts.sql": "CREATE TABLE posts (id INTEGER PRIMARY KEY);\n",
      "db/audit/V1__audit_log.sql": "CREATE TABLE audit_log (id INTEGER PRIMARY KEY);\n",
    });
  });

  afterEach(async () => {
    await conn.close();
    await db.drop();
    project.dispose();
  });

  it("each context migrates its own folder into its own history table", async () => {
    const main = await migrate({ cwd: project.dir });
    assert.equal(main.context, "main", "main is the default context");
    assert.deepEqual(main.applied.map((a) => a.script), ["V1__users.sql", "V2__posts.sql"]);
    const audit = await migrate({ cwd: project.dir, context: "audit" });
    assert.deepEqual(audit.applied.map((a) => a.script), ["V1__audit_log.sql"]);
    assert.deepEqual(await tableNames(conn, dialect), ["audit_log", "posts", "shale_history", "shale_history_audit", "users"]);
    assert.deepEqual((await historyRows(conn, "shale_history_audit")).map((r) => r.script), ["V1__audit_log.sql"]);
    assert.equal((await status({ cwd: project.dir, context: "audit" })).current, "1");
    assert.equal((await status({ cwd: project.dir })).current, "2");
  });

  it("an unknown context or environment is refused before connecting", async () => {
    await rejectsWith(migrate({ cwd: project.dir, context: "billing" }), "SHALE_E_UNKNOWN_CONTEXT");
    await rejectsWith(migrate({ cwd: project.dir, env: "prod" }), "SHALE_E_UNKNOWN_ENV");
    assert.deepEqual(await tableNames(conn, dialect), []);
  });
});
