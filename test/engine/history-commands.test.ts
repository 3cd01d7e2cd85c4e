// The commands that edit the history table without migrating, once per dialect: baseline, markApplied, unmark and repair.
import assert from "node:assert/strict";
import { it } from "node:test";
import { baseline, markApplied, migrate, repair, status, unmark, validate } from "../../src/index.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows, tableNames, snapshot, type Snapshot } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { rejectsWith } from "../support/project.js";

describeEachDialect("history commands", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect, {
    "db/migrations/V1__create_users.sql": "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n",
    "db/migrations/V2__create_posts.sql": "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n",
    "db/migrations/V3__create_tags.sql": "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n",
  });

  /** Tables and history rows: what a refused command must leave exactly as it was. */
  const snapshotNow = (): Promise<Snapshot> => snapshot(fx.conn, dialect);

  async function states(): Promise<[string | null, string][]> {
    return (await status(fx.project.options)).migrations.map((m) => [m.version, m.state]);
  }

  // --- baseline ---

  it("baseline: an existing database at version 2 skips files 1 and 2 and migrates only 3", async () => {
    await fx.conn.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL)");
    await fx.conn.exec("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id))");
    const r = await baseline({ ...fx.project.options, version: "2" });
    assert.equal(r.version, "2");
    assert.equal(r.dryRun, false);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => [h.version, h.type]), [["2", "baseline"]]);
    const s = await status(fx.project.options);
    assert.equal(s.current, "2");
    const byScript = new Map(s.migrations.map((m) => [m.script, m]));
    for (const script of ["V1__create_users.sql", "V2__create_posts.sql"]) {
      assert.equal(byScript.get(script)?.state, "ignored", script);
      assert.equal(byScript.get(script)?.note, "below baseline", script);
    }
    assert.equal(byScript.get("V3__create_tags.sql")?.state, "pending");
    assert.equal((await validate(fx.project.options)).valid, true);
    const m = await migrate(fx.project.options);
    assert.deepEqual(m.applied.map((a) => a.version), ["3"]);
    assert.equal(m.current, "3");
    assert.deepEqual(await tableNames(fx.conn, dialect), ["posts", "shale_history", "tags", "users"]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("baseline: a second baseline, or one after migrations, is refused and changes nothing", async () => {
    await baseline({ ...fx.project.options, version: "2" });
    const before = await snapshotNow();
    const err = await rejectsWith(baseline({ ...fx.project.options, version: "3" }), "SHALE_E_BASELINE");
    assert.match(err.message, /shale_history/);
    await rejectsWith(baseline(fx.project.options), "SHALE_E_BASELINE");
    assert.deepEqual(await snapshotNow(), before);
  });

  it("baseline: refused after migrations were applied", async () => {
    await migrate({ ...fx.project.options, to: "1" });
    const before = await snapshotNow();
    await rejectsWith(baseline({ ...fx.project.options, version: "2" }), "SHALE_E_BASELINE");
    assert.deepEqual(await snapshotNow(), before);
  });

  it("baseline: a malformed version is a usage error, before touching the database", async () => {
    for (const version of ["v2", "2.", "two", "", "1..2"]) {
      await rejectsWith(baseline({ ...fx.project.options, version }), "SHALE_E_USAGE");
    }
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  it("baseline: dry run returns the history DDL and the baseline row, and creates nothing", async () => {
    const r = await baseline({ ...fx.project.options, version: "2", dryRun: true });
    assert.equal(r.dryRun, true);
    assert.ok(r.sql.some((s) => /CREATE TABLE .*shale_history/.test(s)));
    assert.ok(r.sql.some((s) => /INSERT INTO .*shale_history.*'baseline'/.test(s)));
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  // --- markApplied ---

  it("markApplied versions: [\"1\"] records it without running it", async () => {
    const r = await markApplied({ ...fx.project.options, versions: ["1"] });
    assert.deepEqual(r.versions, ["1"]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["shale_history"], "users was not created");
    assert.deepEqual((await historyRows(fx.conn)).map((h) => [h.version, h.type, h.script]), [["1", "sql", "V1__create_users.sql"]]);
    assert.deepEqual(await states(), [["1", "applied"], ["2", "pending"], ["3", "pending"]]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("markApplied to: \"2\" records every pending migration up to 2", async () => {
    const r = await markApplied({ ...fx.project.options, to: "2" });
    assert.deepEqual(r.versions, ["1", "2"]);
    assert.deepEqual(await tableNames(fx.conn, dialect), ["shale_history"]);
    assert.deepEqual(await states(), [["1", "applied"], ["2", "applied"], ["3", "pending"]]);
    // migrate then runs only what is left, as if 1 and 2 had run.
    await fx.conn.exec("CREATE TABLE users (id INTEGER PRIMARY KEY)");
    assert.deepEqual((await migrate(fx.project.options)).applied.map((a) => a.version), ["3"]);
  });

  it("markApplied records each version once, oldest first, whatever order they are given in", async () => {
    const r = await markApplied({ ...fx.project.options, versions: ["2", "1", "1.0"] });
    assert.deepEqual(r.versions, ["1", "2"]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1", "2"]);
    assert.deepEqual(await states(), [["1", "applied"], ["2", "applied"], ["3", "pending"]], "not out-of-order");
  });

  it("markApplied: a dry run returns the INSERTs and records nothing", async () => {
    await migrate({ ...fx.project.options, to: "1" });
    const before = await snapshotNow();
    const r = await markApplied({ ...fx.project.options, to: "3", dryRun: true });
    assert.deepEqual(r.versions, ["2", "3"]);
    assert.equal(r.sql.filter((s) => /^INSERT INTO .*shale_history/.test(s)).length, 2);
    assert.deepEqual(await snapshotNow(), before);
  });

  it("markApplied: an unknown version is refused, and nothing is recorded, not even the history table", async () => {
    await rejectsWith(markApplied({ ...fx.project.options, versions: ["9"] }), "SHALE_E_UNKNOWN_VERSION");
    await rejectsWith(markApplied({ ...fx.project.options, to: "9" }), "SHALE_E_UNKNOWN_VERSION");
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
    await migrate({ ...fx.project.options, to: "1" });
    const before = await snapshotNow();
    // One unknown version among good ones: none of them is recorded.
    await rejectsWith(markApplied({ ...fx.project.options, versions: ["2", "9"] }), "SHALE_E_UNKNOWN_VERSION");
    assert.deepEqual(await snapshotNow(), before);
  });

  it("markApplied: an already applied version is refused and changes nothing", async () => {
    await migrate({ ...fx.project.options, to: "1" });
    const before = await snapshotNow();
    const err = await rejectsWith(markApplied({ ...fx.project.options, versions: ["1"] }), "SHALE_E_UNKNOWN_VERSION");
    assert.match(err.message, /not pending/);
    await rejectsWith(markApplied({ ...fx.project.options, versions: ["2", "1"] }), "SHALE_E_UNKNOWN_VERSION");
    assert.deepEqual(await snapshotNow(), before);
  });

  it("markApplied and unmark take versions or to, exactly one of them", async () => {
    await rejectsWith(markApplied(fx.project.options), "SHALE_E_USAGE");
    await rejectsWith(markApplied({ ...fx.project.options, versions: [] }), "SHALE_E_USAGE");
    await rejectsWith(markApplied({ ...fx.project.options, versions: ["1"], to: "2" }), "SHALE_E_USAGE");
    await rejectsWith(unmark(fx.project.options), "SHALE_E_USAGE");
    await rejectsWith(unmark({ ...fx.project.options, versions: ["1"], to: "2" }), "SHALE_E_USAGE");
    assert.deepEqual(await tableNames(fx.conn, dialect), []);
  });

  // --- unmark ---

  it("unmark removes a record: the migration is pending again and its table stays", async () => {
    await migrate(fx.project.options);
    const r = await unmark({ ...fx.project.options, versions: ["3"] });
    assert.deepEqual(r.versions, ["3"]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1", "2"]);
    assert.deepEqual(await states(), [["1", "applied"], ["2", "applied"], ["3", "pending"]]);
    assert.ok((await tableNames(fx.conn, dialect)).includes("tags"), "unmark does not revert anything");
  });

  it("unmark to: \"1\" removes every record above 1", async () => {
    await migrate(fx.project.options);
    const r = await unmark({ ...fx.project.options, to: "1" });
    assert.deepEqual([...r.versions].sort(), ["2", "3"]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1"]);
  });

  it("unmark: an unknown or unrecorded version is refused and changes nothing", async () => {
    await migrate({ ...fx.project.options, to: "2" });
    const before = await snapshotNow();
    await rejectsWith(unmark({ ...fx.project.options, versions: ["9"] }), "SHALE_E_UNKNOWN_VERSION");
    await rejectsWith(unmark({ ...fx.project.options, versions: ["3"] }), "SHALE_E_UNKNOWN_VERSION");
    await rejectsWith(unmark({ ...fx.project.options, versions: ["1", "9"] }), "SHALE_E_UNKNOWN_VERSION");
    await rejectsWith(unmark({ ...fx.project.options, to: "9" }), "SHALE_E_UNKNOWN_VERSION");
    assert.deepEqual(await snapshotNow(), before);
  });

  // --- repair ---

  it("repair with nothing to repair does nothing", async () => {
    await migrate(fx.project.options);
    const before = await snapshotNow();
    const r = await repair(fx.project.options);
    assert.deepEqual([r.removedFailed, r.realigned, r.missing, r.sql], [[], [], [], []]);
    assert.deepEqual(await snapshotNow(), before);
  });

  it("repair removes a failed entry, after which migrate runs the fixed file from the start", async () => {
    await migrate(fx.project.options);
    // No transaction: the first statement stays applied when the second fails, on every dialect.
    fx.project.write("db/migrations/V4__broken.sql", "-- shale:no-transaction\nCREATE TABLE half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    assert.equal((await status(fx.project.options)).migrations.find((m) => m.version === "4")?.state, "failed");
    assert.equal((await validate(fx.project.options)).valid, false);
    const r = await repair(fx.project.options);
    assert.deepEqual(r.removedFailed, ["V4__broken.sql"]);
    assert.deepEqual(r.realigned, []);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1", "2", "3"]);
    assert.equal((await status(fx.project.options)).migrations.find((m) => m.version === "4")?.state, "pending");
    // The person reverts what ran, fixes the file, migrates.
    await fx.conn.exec("DROP TABLE half");
    fx.project.write("db/migrations/V4__broken.sql", "-- shale:no-transaction\nCREATE TABLE half (id INTEGER);\nCREATE TABLE other_half (id INTEGER);\n");
    assert.deepEqual((await migrate(fx.project.options)).applied.map((a) => a.version), ["4"]);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("repair removes a failed MySQL entry left by an ordinary file", { skip: dialect !== "mysql" }, async () => {
    fx.project.write("db/migrations/V4__broken.sql", "CREATE TABLE half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    const r = await repair(fx.project.options);
    assert.deepEqual(r.removedFailed, ["V4__broken.sql"]);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1", "2", "3"]);
  });

  it("repair realigns a changed checksum with the file", async () => {
    await migrate(fx.project.options);
    fx.project.write("db/migrations/V2__create_posts.sql", "-- reviewed: comment added after the fact\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));\n");
    assert.deepEqual((await validate(fx.project.options)).problems.map((p) => [p.version, p.state]), [["2", "changed"]]);
    const oldChecksum = (await historyRows(fx.conn))[1]!.checksum;
    const r = await repair(fx.project.options);
    assert.deepEqual(r.realigned, ["V2__create_posts.sql"]);
    assert.deepEqual(r.removedFailed, []);
    const newChecksum = (await historyRows(fx.conn))[1]!.checksum;
    assert.notEqual(newChecksum, oldChecksum);
    assert.equal(newChecksum, (await status(fx.project.options)).migrations.find((m) => m.version === "2")?.checksum);
    assert.equal((await validate(fx.project.options)).valid, true);
  });

  it("repair reports missing files but leaves their records", async () => {
    await migrate(fx.project.options);
    fx.project.remove("db/migrations/V3__create_tags.sql");
    const r = await repair(fx.project.options);
    assert.deepEqual(r.missing, ["V3__create_tags.sql"]);
    assert.deepEqual(r.sql, []);
    assert.deepEqual((await historyRows(fx.conn)).map((h) => h.version), ["1", "2", "3"]);
    assert.deepEqual((await validate(fx.project.options)).problems.map((p) => [p.version, p.state]), [["3", "missing"]]);
  });

  it("repair dry run returns its SQL and changes nothing", async () => {
    await migrate(fx.project.options);
    fx.project.write("db/migrations/V4__broken.sql", "-- shale:no-transaction\nINSERT INTO no_such_table VALUES (1);\n");
    await rejectsWith(migrate(fx.project.options), "SHALE_E_MIGRATION_FAILED");
    fx.project.write("db/migrations/V1__create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL); -- edited\n");
    const before = await snapshotNow();
    const r = await repair({ ...fx.project.options, dryRun: true });
    assert.equal(r.dryRun, true);
    assert.deepEqual(r.removedFailed, ["V4__broken.sql"]);
    assert.deepEqual(r.realigned, ["V1__create_users.sql"]);
    assert.ok(r.sql.some((s) => /^DELETE FROM .*shale_history/.test(s)));
    assert.ok(r.sql.some((s) => /^UPDATE .*shale_history.* SET checksum = /.test(s)));
    assert.deepEqual(await snapshotNow(), before);
  });
});
