/**
 * The three SQL splitters and statement classifiers. Golden cases live in
 * test/golden/split/<dialect>/<case>.sql with the expected statements in <case>.json;
 * SHALE_UPDATE_GOLDEN=1 rewrites the .json files (review the diff).
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import type { SqlStatement, StatementClass } from "../../src/dialects/dialect.js";
import * as mysql from "../../src/dialects/mysql/split.js";
import * as postgres from "../../src/dialects/postgres/split.js";
import * as sqlite from "../../src/dialects/sqlite/split.js";
import { isShaleError } from "../../src/errors.js";

const SPLITTERS = { postgres, mysql, sqlite };
type Splitter = (typeof SPLITTERS)["postgres"];
const GOLDEN = new URL("../golden/split/", import.meta.url);
const UPDATE = process.env.SHALE_UPDATE_GOLDEN === "1";

function goldenCases(dialect: string): string[] {
  return readdirSync(new URL(`${dialect}/`, GOLDEN))
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.slice(0, -4))
    .sort();
}

function readCase(dialect: string, name: string): string {
  return readFileSync(new URL(`${dialect}/${name}.sql`, GOLDEN), "utf8");
}

/** Checks what holds for every statement: text is the source slice, in order, trimmed, on the right line. */
function assertWellFormed(source: string, statements: SqlStatement[]): void {
  let previousEnd = 0;
  for (const s of statements) {
    assert.equal(source.slice(s.start, s.end), s.sql);
    assert.ok(s.start >= previousEnd, `statement at line ${s.line} overlaps the one before`);
    assert.equal(s.sql, s.sql.trim());
    assert.ok(s.sql.length > 0);
    assert.ok(s.line >= source.slice(0, s.start).split("\n").length);
    previousEnd = s.end;
  }
}

for (const [dialect, splitter] of Object.entries(SPLITTERS)) {
  describe(`${dialect} split: golden files`, () => {
    for (const name of goldenCases(dialect)) {
      it(name, () => {
        const source = readCase(dialect, name);
        const statements = splitter.split(source, `${name}.sql`);
        assertWellFormed(source, statements);
        const actual = statements.map(({ line, sql }) => ({ line, sql }));
        const expectedUrl = new URL(`${dialect}/${name}.json`, GOLDEN);
        if (UPDATE) writeFileSync(expectedUrl, `${JSON.stringify(actual, null, 2)}\n`);
        else assert.deepEqual(actual, JSON.parse(readFileSync(expectedUrl, "utf8")));
      });
    }
  });
}

describe("sqlite split: golden files run on SQLite", () => {
  for (const name of goldenCases("sqlite")) {
    it(name, () => {
      const db = new Database(":memory:");
      try {
        // prepare() refuses text holding more than one statement, so a missed cut fails here too.
        for (const s of sqlite.split(readCase("sqlite", name))) {
          const statement = db.prepare(s.sql);
          if (statement.reader) statement.all();
          else statement.run();
        }
      } finally {
        db.close();
      }
    });
  }
});

describe("split: statement boundaries", () => {
  for (const [dialect, splitter] of Object.entries(SPLITTERS)) {
    it(`${dialect}: empty and comment-only sources give no statements`, () => {
      assert.deepEqual(splitter.split(""), []);
      assert.deepEqual(splitter.split("  \n\t\n"), []);
      assert.deepEqual(splitter.split("/* a; */\n-- b;\n;\n"), []);
    });

    it(`${dialect}: leading comments stay in the text, the line is the first token's`, () => {
      const source = "SELECT 1; -- about SELECT 1\n\n-- about SELECT 2\n/* more */\nSELECT 2;";
      const [first, second] = splitter.split(source);
      assert.deepEqual(first, { sql: "SELECT 1", line: 1, start: 0, end: 8 });
      assert.equal(second!.sql, "-- about SELECT 2\n/* more */\nSELECT 2");
      assert.equal(second!.line, 5);
    });

    it(`${dialect}: a comment after a delimiter goes with the next statement unless it ends the line`, () => {
      const sqls = splitter.split("SELECT 1; /* a */ SELECT 2; /* b */\nSELECT 3;").map((s) => s.sql);
      assert.deepEqual(sqls, ["SELECT 1", "/* a */ SELECT 2", "SELECT 3"]);
    });

    it(`${dialect}: CRLF line endings keep line numbers and leave no \\r at the ends`, () => {
      const source = "-- head\r\nCREATE TABLE t (\r\n  a int\r\n);\r\n\r\nINSERT INTO t VALUES ('x;\r\ny');\r\nSELECT 1\r\n";
      const statements = splitter.split(source);
      assert.deepEqual(
        statements.map(({ line, sql }) => ({ line, sql })),
        [
          { line: 2, sql: "-- head\r\nCREATE TABLE t (\r\n  a int\r\n)" },
          { line: 6, sql: "INSERT INTO t VALUES ('x;\r\ny')" },
          { line: 8, sql: "SELECT 1" },
        ],
      );
      assertWellFormed(source, statements);
    });

    it(`${dialect}: 10,000 statements split in linear time`, () => {
      const one = "INSERT INTO t (a, b) VALUES (1, 'text; with a semicolon'); -- note\n/* c; */ ";
      const source = one.repeat(10_000) + `SELECT '${"x".repeat(3_000_000)}'`;
      const started = performance.now();
      const statements = splitter.split(source);
      const elapsed = performance.now() - started;
      assert.equal(statements.length, 10_001);
      assert.equal(statements[9_999]!.line, 10_000);
      assert.ok(elapsed < 2000, `took ${Math.round(elapsed)} ms`);
    });
  }

  it("postgres: a semicolon inside parentheses does not cut, as in psql", () => {
    assert.deepEqual(
      postgres.split("SELECT (1;\n2); SELECT 3").map((s) => s.sql),
      ["SELECT (1;\n2)", "SELECT 3"],
    );
  });

  it("postgres: $1 and identifiers with $ are not dollar quotes", () => {
    assert.deepEqual(
      postgres.split("SELECT $1; SELECT a$b$c; SELECT $2::int").map((s) => s.sql),
      ["SELECT $1", "SELECT a$b$c", "SELECT $2::int"],
    );
  });

  it("mysql: DEFINER clauses in any spelling still mark a stored program", () => {
    const definers = ["DEFINER=root@localhost", "DEFINER = 'app'@'%'", "DEFINER=`a`@`b`", "DEFINER=CURRENT_USER()", "OR REPLACE DEFINER=x"];
    for (const definer of definers) {
      const source = `CREATE ${definer} PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;\nSELECT 3`;
      assert.equal(mysql.split(source).length, 2, source);
    }
  });

  it("mysql: DELIMITER counts only at the start of a statement and of a line", () => {
    assert.deepEqual(
      mysql.split("SELECT 1 AS\ndelimiter;\n  DELIMITER //\nSELECT 2//\nSELECT 'delimiter ;'//").map((s) => s.sql),
      ["SELECT 1 AS\ndelimiter", "SELECT 2", "SELECT 'delimiter ;'"],
    );
    assert.deepEqual(
      mysql.split("DELIMITER 'GO'\nSELECT 1 GO\nDELIMITER ;\nSELECT 2;").map((s) => s.sql),
      ["SELECT 1", "SELECT 2"],
    );
    assert.deepEqual(
      mysql.split("DELIMITER IT\nSELECT 1 IT\nDELIMITER ;\nSELECT 2;").map((s) => s.sql),
      ["SELECT 1", "SELECT 2"],
    );
  });
});

describe("split: unclosed constructs", () => {
  const cases: [keyof typeof SPLITTERS, string, string, number][] = [
    ["postgres", "SELECT 1;\nSELECT 'abc;\n", "String", 2],
    ["postgres", "SELECT 'it\\'s';\n", "String", 1],
    ["postgres", "\n\nSELECT E'it\\'s;", "Escape string", 3],
    ["postgres", 'SELECT "col;', "Quoted identifier", 1],
    ["postgres", "SELECT 1; /* a /* nested */\nSELECT 2;", "Block comment", 1],
    ["postgres", "DO $$\nBEGIN\nEND;\n$ $;", "Dollar-quoted string $$", 1],
    ["postgres", "SELECT 1;\r\nCREATE FUNCTION f() AS $fn$ SELECT 1 $$;\r\n", "Dollar-quoted string $fn$", 2],
    ["mysql", "SELECT 'it''s\\';", "String", 1],
    ["mysql", 'SELECT 1;\n\nSELECT "a\\";', "String", 3],
    ["mysql", "SELECT `col;", "Backtick identifier", 1],
    ["mysql", "SELECT 1 /* a /* b */ */;\n/* open", "Block comment", 2],
    ["mysql", "/*!40101 SET x = 1;", "Executable comment", 1],
    ["sqlite", "SELECT 'a\\';\nSELECT 'b", "String", 2],
    ["sqlite", 'SELECT "a', "Quoted identifier", 1],
    ["sqlite", "SELECT `a", "Quoted identifier", 1],
    ["sqlite", "\r\nSELECT [a;", "Bracketed identifier", 2],
    ["sqlite", "SELECT 1 /* a", "Block comment", 1],
  ];
  for (const [dialect, source, what, line] of cases) {
    it(`${dialect}: ${JSON.stringify(source)}`, () => {
      assert.throws(
        () => SPLITTERS[dialect].split(source, "V1__x.sql"),
        (err: unknown) => {
          assert.ok(isShaleError(err, "SHALE_E_SPLIT"));
          assert.equal(err.message, `${what} starting on line ${line} is never closed`);
          assert.equal(err.file, "V1__x.sql");
          assert.equal(err.line, line);
          assert.ok(err.hint);
          return true;
        },
      );
    });
  }

  it("mysql: DELIMITER without a delimiter", () => {
    assert.throws(
      () => mysql.split("SELECT 1;\nDELIMITER\nSELECT 2;", "V2__y.sql"),
      (err: unknown) => isShaleError(err, "SHALE_E_SPLIT") && err.line === 2 && err.file === "V2__y.sql",
    );
  });
});

function classOf(splitter: Splitter, sql: string): StatementClass {
  const [statement] = splitter.split(sql);
  return splitter.classify(statement!);
}

function assertClasses(splitter: Splitter, expected: [string, StatementClass["kind"]][]): void {
  for (const [sql, kind] of expected) assert.equal(classOf(splitter, sql).kind, kind, sql);
}

describe("classify", () => {
  it("postgres: transaction control; savepoints are plain", () => {
    assertClasses(postgres, [
      ["BEGIN", "transaction-control"],
      ["begin transaction isolation level serializable", "transaction-control"],
      ["START TRANSACTION", "transaction-control"],
      ["COMMIT", "transaction-control"],
      ["COMMIT AND CHAIN", "transaction-control"],
      ["END", "transaction-control"],
      ["ABORT", "transaction-control"],
      ["ROLLBACK", "transaction-control"],
      ["ROLLBACK WORK", "transaction-control"],
      ["PREPARE TRANSACTION 'tx1'", "transaction-control"],
      ["ROLLBACK TO SAVEPOINT s", "plain"],
      ["ROLLBACK TRANSACTION TO s", "plain"],
      ["SAVEPOINT s", "plain"],
      ["RELEASE SAVEPOINT s", "plain"],
      ["PREPARE q AS SELECT 1", "plain"],
      ["-- BEGIN\n/* COMMIT */ SELECT 1", "plain"],
      ["-- header\nCOMMIT", "transaction-control"],
    ]);
  });

  it("postgres: statements that cannot run inside a transaction block", () => {
    const cases: [string, string][] = [
      ["CREATE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX CONCURRENTLY"],
      ["create unique index concurrently if not exists i on t (a)", "CREATE INDEX CONCURRENTLY"],
      ["DROP INDEX CONCURRENTLY IF EXISTS i", "DROP INDEX CONCURRENTLY"],
      ["REINDEX INDEX CONCURRENTLY i", "REINDEX CONCURRENTLY"],
      ["REINDEX (CONCURRENTLY, VERBOSE) TABLE t", "REINDEX CONCURRENTLY"],
      ["REINDEX SCHEMA public", "REINDEX SCHEMA"],
      ["REINDEX (VERBOSE) DATABASE app", "REINDEX DATABASE"],
      ["REINDEX SYSTEM app", "REINDEX SYSTEM"],
      ["VACUUM", "VACUUM"],
      ["VACUUM (ANALYZE) t", "VACUUM"],
      ["CREATE DATABASE app", "CREATE DATABASE"],
      ["DROP DATABASE app WITH (FORCE)", "DROP DATABASE"],
      ["ALTER DATABASE app SET TABLESPACE fast", "ALTER DATABASE SET TABLESPACE"],
      ["CREATE TABLESPACE fast LOCATION '/ssd'", "CREATE TABLESPACE"],
      ["DROP TABLESPACE fast", "DROP TABLESPACE"],
      ["ALTER SYSTEM SET work_mem = '64MB'", "ALTER SYSTEM"],
      ["CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p", "CREATE SUBSCRIPTION"],
      ["DROP SUBSCRIPTION s", "DROP SUBSCRIPTION"],
      ["ALTER SUBSCRIPTION s REFRESH PUBLICATION", "ALTER SUBSCRIPTION"],
      ["ALTER SUBSCRIPTION s SET PUBLICATION p2", "ALTER SUBSCRIPTION"],
      ["ALTER TABLE p DETACH PARTITION p2 CONCURRENTLY", "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY"],
      ["CLUSTER", "CLUSTER"],
      ["CLUSTER VERBOSE", "CLUSTER"],
      ["CLUSTER (VERBOSE)", "CLUSTER"],
      ["DISCARD ALL", "DISCARD ALL"],
      ["COMMIT PREPARED 'tx1'", "COMMIT PREPARED"],
      ["ROLLBACK PREPARED 'tx1'", "ROLLBACK PREPARED"],
    ];
    for (const [sql, what] of cases) {
      const c = classOf(postgres, sql);
      assert.equal(c.kind, "no-transaction", sql);
      assert.ok(c.kind === "no-transaction" && c.reason.startsWith(what), `${sql}: ${JSON.stringify(c)}`);
      assert.match(c.reason, /cannot run inside a transaction block$/);
    }
  });

  it("postgres: look-alikes that run fine in a transaction are plain", () => {
    assertClasses(postgres, [
      ["CREATE INDEX i ON t (a)", "plain"],
      ["CREATE INDEX concurrently_named ON t (a)", "plain"],
      ["DROP INDEX i", "plain"],
      ["REINDEX TABLE t", "plain"],
      ["ANALYZE t", "plain"],
      ["CLUSTER t USING t_pkey", "plain"],
      ["CLUSTER VERBOSE t", "plain"],
      ["REFRESH MATERIALIZED VIEW CONCURRENTLY mv", "plain"],
      ["ALTER TABLE p DETACH PARTITION p2", "plain"],
      ["ALTER TABLE p DETACH PARTITION p2 FINALIZE", "plain"],
      ["ALTER DATABASE app SET work_mem = '1MB'", "plain"],
      ["ALTER TABLESPACE fast RENAME TO quick", "plain"],
      ["CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (connect = false)", "plain"],
      ["CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p WITH (create_slot = false)", "plain"],
      ["ALTER SUBSCRIPTION s SET PUBLICATION p2 WITH (refresh = false)", "plain"],
      ["ALTER SUBSCRIPTION s DISABLE", "plain"],
      ["DISCARD PLANS", "plain"],
      ["SELECT 'VACUUM'", "plain"],
      ["CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", "plain"],
      ["ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'", "plain"],
      ["ALTER TYPE pair ADD ATTRIBUTE c int", "plain"],
    ]);
  });

  it("postgres: ALTER TYPE ... ADD VALUE must commit before the value is used", () => {
    for (const sql of ["ALTER TYPE mood ADD VALUE 'happy'", `alter type "My Schema".mood add value if not exists 'x' before 'ok'`]) {
      const c = classOf(postgres, sql);
      assert.equal(c.kind, "commit-after", sql);
      assert.ok(c.kind === "commit-after" && c.reason.length > 0);
    }
  });

  it("mysql: transaction control; everything else is plain", () => {
    assertClasses(mysql, [
      ["BEGIN", "transaction-control"],
      ["BEGIN WORK", "transaction-control"],
      ["START TRANSACTION READ ONLY", "transaction-control"],
      ["COMMIT", "transaction-control"],
      ["COMMIT WORK AND NO CHAIN", "transaction-control"],
      ["ROLLBACK", "transaction-control"],
      ["ROLLBACK WORK", "transaction-control"],
      ["XA START 'x'", "transaction-control"],
      ["# note\nCOMMIT", "transaction-control"],
      ["ROLLBACK TO SAVEPOINT s", "plain"],
      ["ROLLBACK WORK TO s", "plain"],
      ["SAVEPOINT s", "plain"],
      ["RELEASE SAVEPOINT s", "plain"],
      ["START REPLICA", "plain"],
      ["BEGIN NOT ATOMIC SELECT 1; END", "plain"],
      ["CREATE PROCEDURE p() BEGIN SELECT 1; END", "plain"],
      ["CREATE INDEX i ON t (a)", "plain"],
      ["/*!40101 SET NAMES utf8mb4 */", "plain"],
    ]);
  });

  it("sqlite: transaction control, VACUUM and the pragmas a transaction ignores or refuses", () => {
    assertClasses(sqlite, [
      ["BEGIN", "transaction-control"],
      ["BEGIN IMMEDIATE TRANSACTION", "transaction-control"],
      ["COMMIT TRANSACTION", "transaction-control"],
      ["END", "transaction-control"],
      ["ROLLBACK", "transaction-control"],
      ["ROLLBACK TRANSACTION TO SAVEPOINT s", "plain"],
      ["ROLLBACK TO s", "plain"],
      ["SAVEPOINT s", "plain"],
      ["RELEASE s", "plain"],
      ["VACUUM", "no-transaction"],
      ["VACUUM INTO 'backup.db'", "no-transaction"],
      ["PRAGMA foreign_keys = OFF", "no-transaction"],
      ["pragma FOREIGN_KEYS=1", "no-transaction"],
      ["PRAGMA foreign_keys(0)", "no-transaction"],
      ["PRAGMA main.journal_mode = WAL", "no-transaction"],
      ["PRAGMA synchronous = NORMAL", "no-transaction"],
      ["PRAGMA foreign_keys", "plain"],
      ["PRAGMA journal_mode", "plain"],
      ["PRAGMA foreign_key_check", "plain"],
      ["PRAGMA defer_foreign_keys = ON", "plain"],
      ["CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END", "plain"],
    ]);
  });
});
