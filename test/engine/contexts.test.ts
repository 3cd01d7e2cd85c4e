/**
 * Contexts: two migration streams in one database, each with its own folder and history
 * table, chosen with `context`; and an environment chosen from the config file.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { DialectName } from "../../src/dialects/dialect.js";
import { migrate, status } from "../../src/index.js";
import { historyRows, tableNames } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("contexts", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, (db) => ({
    "shale.config.json": JSON.stringify({
      contexts: { main: { migrations: "db/main" }, audit: { migrations: "db/audit" } },
      environments: { local: { url: db.url } },
    }),
    "db/main/V1__users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY);\n",
    "db/main/V2__posts.sql": "CREATE TABLE posts (id INTEGER PRIMARY KEY);\n",
    "db/audit/V1__audit_log.sql": "CREATE TABLE audit_log (id INTEGER PRIMARY KEY);\n",
  }));

  it("each context migrates its own folder into its own history table", async () => {
    const main = await migrate({ cwd: fx.project.dir });
    assert.equal(main.context, "main", "main is the default context");
    assert.deepEqual(main.applied.map((a) => a.script), ["V1__users.sql", "V2__posts.sql"]);
    const audit = await migrate({ cwd: fx.project.dir, context: "audit" });
    assert.deepEqual(audit.applied.map((a) => a.script), ["V1__audit_log.sql"]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["audit_log", "posts", "shale_history", "shale_history_audit", "users"]);
    assert.deepEqual((await historyRows(fx.conn, "shale_history_audit")).map((r) => r.script), ["V1__audit_log.sql"]);
    assert.equal((await status({ cwd: fx.project.dir, context: "audit" })).current, "1");
    assert.equal((await status({ cwd: fx.project.dir })).current, "2");
  });

  it("an unknown context or environment is refused before connecting", async () => {
    await rejectsWith(migrate({ cwd: fx.project.dir, context: "billing" }), "SHALE_E_UNKNOWN_CONTEXT");
    await rejectsWith(migrate({ cwd: fx.project.dir, env: "prod" }), "SHALE_E_UNKNOWN_ENV");
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });
});
