/**
 * What `--dry-run` prints is a script the database's own client runs as it is: migrations,
 * undo files and seeds with trigger, procedure and function bodies (MySQL: between DELIMITER
 * lines, chosen so that a body holding `$$` still works) go through mariadb, psql -v
 * ON_ERROR_STOP=1 and sqlite3 -bail, and leave the database as the real command would.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { it } from "node:test";
import type { Connection, DialectName } from "../../src/dialects/dialect.js";
import { describeEachDialect, type TestDatabase } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";
import { assertExit, describeRun, runShale, snapshot, type ShaleRun } from "./support.js";

/** V1 clamps negative quantities and appends " $$" to the note; V2 caps them at 100 and notes "capped"; U2 puts V1's body back. */
const FILES: Record<DialectName, Record<string, string>> = {
  mysql: {
    "db/migrations/V1__objects.sql": `CREATE TABLE item (id INT PRIMARY KEY, qty INT NOT NULL, note VARCHAR(40));
INSERT INTO item (id, qty, note) VALUES (1, 1, 'semi;colon');

DELIMITER //
CREATE TRIGGER item_bi BEFORE INSERT ON item FOR EACH ROW
BEGIN
  IF NEW.qty < 0 THEN
    SET NEW.qty = 0;
  END IF;
  SET NEW.note = CONCAT(COALESCE(NEW.note, ''), ' $$'); # the default delimiter, inside the body
END//
DELIMITER ;

CREATE PROCEDURE add_item(IN p_id INT, IN p_qty INT)
BEGIN
  DECLARE doubled INT;
  SET doubled = p_qty * 2;
  INSERT INTO item (id, qty) VALUES (p_id, doubled);
END;

CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
  DECLARE y INT;
  SET y = x * 2;
  RETURN y;
END;
`,
    "db/migrations/V2__cap.sql": `DROP TRIGGER item_bi;
CREATE TRIGGER item_bi BEFORE INSERT ON item FOR EACH ROW
BEGIN
  SET NEW.qty = LEAST(GREATEST(NEW.qty, 0), 100);
  SET NEW.note = 'capped';
END;
`,
    "db/migrations/U2__cap.sql": `DROP TRIGGER item_bi;
CREATE TRIGGER item_bi BEFORE INSERT ON item FOR EACH ROW
BEGIN
  IF NEW.qty < 0 THEN
    SET NEW.qty = 0;
  END IF;
  SET NEW.note = CONCAT(COALESCE(NEW.note, ''), ' $$');
END;
`,
    "db/seeds/R__items.sql": `DROP PROCEDURE IF EXISTS seed_items;
CREATE PROCEDURE seed_items()
BEGIN
  DELETE FROM item WHERE id BETWEEN 2 AND 9;
  INSERT INTO item (id, qty) VALUES (2, 5);
END;
CALL seed_items();
`,
  },
  postgres: {
    "db/migrations/V1__objects.sql": `CREATE TABLE item (id int PRIMARY KEY, qty int NOT NULL, note varchar(40));
INSERT INTO item (id, qty, note) VALUES (1, 1, 'semi;colon');

CREATE FUNCTION item_bi() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.qty < 0 THEN
    NEW.qty := 0;
  END IF;
  NEW.note := coalesce(NEW.note, '') || ' $$';
  RETURN NEW;
END
$fn$;
CREATE TRIGGER item_bi BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION item_bi();

CREATE PROCEDURE add_item(p_id int, p_qty int) LANGUAGE plpgsql AS $$
DECLARE
  doubled int;
BEGIN
  doubled := p_qty * 2;
  INSERT INTO item (id, qty) VALUES (p_id, doubled);
END
$$;

CREATE FUNCTION twice(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN x * 2;
END
$$;
`,
    "db/migrations/V2__cap.sql": `CREATE OR REPLACE FUNCTION item_bi() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.qty := least(greatest(NEW.qty, 0), 100);
  NEW.note := 'capped';
  RETURN NEW;
END
$$;
`,
    "db/migrations/U2__cap.sql": `CREATE OR REPLACE FUNCTION item_bi() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.qty < 0 THEN
    NEW.qty := 0;
  END IF;
  NEW.note := coalesce(NEW.note, '') || ' $$';
  RETURN NEW;
END
$fn$;
`,
    "db/seeds/R__items.sql": `CREATE OR REPLACE PROCEDURE seed_items() LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM item WHERE id BETWEEN 2 AND 9;
  INSERT INTO item (id, qty) VALUES (2, 5);
END
$$;
CALL seed_items();
`,
  },
  sqlite: {
    "db/migrations/V1__objects.sql": `CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL, note TEXT);
INSERT INTO item (id, qty, note) VALUES (1, 1, 'semi;colon');

CREATE TRIGGER item_ai AFTER INSERT ON item
BEGIN
  UPDATE item SET qty = 0 WHERE id = NEW.id AND qty < 0;
  UPDATE item SET note = COALESCE(note, '') || ' $$' WHERE id = NEW.id;
END;
`,
    "db/migrations/V2__cap.sql": `DROP TRIGGER item_ai;
CREATE TRIGGER item_ai AFTER INSERT ON item
BEGIN
  UPDATE item SET qty = MIN(MAX(qty, 0), 100) WHERE id = NEW.id;
  UPDATE item SET note = 'capped' WHERE id = NEW.id;
END;
`,
    "db/migrations/U2__cap.sql": `DROP TRIGGER item_ai;
CREATE TRIGGER item_ai AFTER INSERT ON item
BEGIN
  UPDATE item SET qty = 0 WHERE id = NEW.id AND qty < 0;
  UPDATE item SET note = COALESCE(note, '') || ' $$' WHERE id = NEW.id;
END;
`,
    "db/seeds/R__items.sql": "DELETE FROM item WHERE id BETWEEN 2 AND 9;\nINSERT INTO item (id, qty) VALUES (2, 5);\n",
  },
};

/** Runs a script with the database's own client, as a person would run a dry run's output. */
function runWithClient(db: TestDatabase, script: string): void {
  let run;
  if (db.dialect === "postgres") {
    run = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", db.url], { input: script, encoding: "utf8" });
  } else if (db.dialect === "sqlite") {
    run = spawnSync("sqlite3", ["-bail", db.url.replace(/^sqlite:/, "")], { input: script, encoding: "utf8" });
  } else {
    const url = new URL(db.url);
    const args = ["-h", url.hostname, "-P", url.port || "3306", "-u", decodeURIComponent(url.username), decodeURIComponent(url.pathname.slice(1))];
    run = spawnSync("mariadb", args, { input: script, encoding: "utf8", env: { ...process.env, MYSQL_PWD: decodeURIComponent(url.password) } });
  }
  assert.equal(run.error, undefined, `the ${db.dialect} client could not start: ${String(run.error)}`);
  assert.equal(run.status, 0, `the client refused the script: ${run.stdout}${run.stderr}\n--- script\n${script}`);
}

/** Rows 10 and 11 inserted directly, 12 through the procedure, then twice(21): what the triggers and routines make of them. */
async function probe(conn: Connection, dialect: DialectName): Promise<unknown[]> {
  await conn.exec("INSERT INTO item (id, qty) VALUES (10, -5), (11, 500)");
  if (dialect !== "sqlite") await conn.exec("CALL add_item(12, 30)");
  const rows = await conn.query<{ id: unknown; qty: unknown; note: unknown }>("SELECT id, qty, note FROM item WHERE id >= 10 ORDER BY id");
  const twice = dialect === "sqlite" ? [] : (await conn.query<{ v: unknown }>("SELECT twice(21) AS v")).map((r) => Number(r.v));
  await conn.exec("DELETE FROM item WHERE id >= 10");
  return [...rows.map((r) => [Number(r.id), Number(r.qty), r.note]), ...twice];
}

/** What `probe` sees after V1 alone, and after V1 and V2. */
function expected(dialect: DialectName, state: "v1" | "v2"): unknown[] {
  const note = state === "v1" ? " $$" : "capped";
  const rows = [[10, 0, note], [11, state === "v1" ? 500 : 100, note], ...(dialect === "sqlite" ? [] : [[12, 60, note]])];
  return dialect === "sqlite" ? rows : [...rows, 42];
}

describeEachDialect("dry-run scripts in the database's own client", (dialect) => {
  const fx = useDatabaseProject(dialect, FILES[dialect]);
  const shale = async (args: string[], exit = 0): Promise<ShaleRun> => {
    const run = await runShale([...args, "--url", fx.db.url], { cwd: fx.project.dir });
    assertExit(run, exit);
    return run;
  };
  const states = async (): Promise<string[]> => {
    const doc = JSON.parse((await shale(["status", "--json"])).stdout) as { migrations: { state: string }[] };
    return doc.migrations.map((m) => m.state);
  };
  const seeded = async (): Promise<unknown[]> =>
    (await fx.conn.query<{ id: unknown; qty: unknown }>("SELECT id, qty FROM item WHERE id BETWEEN 2 AND 9")).map((r) => [Number(r.id), Number(r.qty)]);

  it("migrate --dry-run: the script creates the triggers and routines, and records both migrations", async () => {
    const before = await snapshot(fx.db);
    const run = await shale(["migrate", "--dry-run"]);
    assert.deepEqual(await snapshot(fx.db), before, "the dry run changed nothing");
    if (dialect === "mysql") {
      assert.match(run.stdout, /^DELIMITER \/\/\nCREATE TRIGGER item_bi [^]*END\/\/\nDELIMITER ;$/m, describeRun(run));
      assert.match(run.stdout, /^DELIMITER \$\$\nCREATE PROCEDURE add_item[^]*END\$\$\nDELIMITER ;$/m, describeRun(run));
      assert.match(run.stdout, /^INSERT INTO item \(id, qty, note\) VALUES \(1, 1, 'semi;colon'\);$/m, "a `;` in a string needs no DELIMITER");
    }
    runWithClient(fx.db, run.stdout);
    assert.deepEqual(await probe(fx.conn, dialect), expected(dialect, "v2"));
    assert.deepEqual(await states(), ["applied", "applied"]);
    assert.match((await shale(["migrate"])).stdout, /Nothing to migrate/);
  });

  it("undo --dry-run: the script puts the previous trigger body back and forgets the migration", async () => {
    await shale(["migrate"]);
    const run = await shale(["undo", "--dry-run"]);
    assert.deepEqual(await states(), ["applied", "applied"], "the dry run changed nothing");
    runWithClient(fx.db, run.stdout);
    assert.deepEqual(await probe(fx.conn, dialect), expected(dialect, "v1"));
    assert.deepEqual(await states(), ["applied", "pending"]);
  });

  it("seed --dry-run: the script runs the seed, and shale then finds it applied", async () => {
    await shale(["migrate"]);
    const run = await shale(["seed", "--dry-run"]);
    assert.deepEqual(await seeded(), [], "the dry run changed nothing");
    runWithClient(fx.db, run.stdout);
    assert.deepEqual(await seeded(), [[2, 5]]);
    const again = JSON.parse((await shale(["seed", "--json"])).stdout) as { applied: unknown[]; unchanged: string[] };
    assert.deepEqual([again.applied, again.unchanged], [[], ["R__items.sql"]]);
  });

  it("reset --dry-run: the script drops everything and rebuilds it from the migrations and seeds", async () => {
    await shale(["migrate"]);
    await shale(["seed"]);
    await fx.conn.exec("INSERT INTO item (id, qty) VALUES (50, 1)");
    const run = await shale(["reset", "--dry-run"]);
    runWithClient(fx.db, run.stdout);
    const ids = await fx.conn.query<{ id: unknown }>("SELECT id FROM item ORDER BY id");
    assert.deepEqual(ids.map((r) => Number(r.id)), [1, 2], "the stray row went with the clean; the seed ran again");
    assert.deepEqual(await probe(fx.conn, dialect), expected(dialect, "v2"));
    assert.deepEqual(await states(), ["applied", "applied"]);
  });
});
