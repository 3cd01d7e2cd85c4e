import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ShaleError } from "../../src/errors.js";
import { checksumOf } from "../../src/migrate/checksum.js";
import { parseMigrationName, readMigrationFolder } from "../../src/migrate/source.js";

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "shale-src-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function expectCode(fn: () => unknown, code: string, fileHint?: string): ShaleError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ShaleError, `expected a ShaleError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (fileHint) assert.match(err.file ?? err.message, new RegExp(fileHint.replace(/\./g, "\\.")));
    assert.ok(err.hint, "every error has a hint");
    return err;
  }
  assert.fail(`expected ${code}`);
}

test("names: versioned, undo, repeatable, TypeScript", () => {
  assert.deepEqual(parseMigrationName("V1_2__add_posts.sql", "x"), {
    kind: "versioned",
    version: { parts: [1n, 2n], text: "1.2" },
    description: "add posts",
    language: "sql",
  });
  assert.equal(parseMigrationName("U3__drop.sql", "x").kind, "undo");
  assert.equal(parseMigrationName("R__views.sql", "x").kind, "repeatable");
  assert.equal(parseMigrationName("V20261121093000__seed_admin.ts", "x").language, "ts");
});

test("malformed names are coded errors naming the file", () => {
  for (const bad of ["V1_add.sql", "001_init.sql", "V__x.sql", "Va__x.sql", "R1__x.sql", "V1__.sql", "X1__x.sql"]) {
    expectCode(() => parseMigrationName(bad, `db/${bad}`), "SHALE_E_FILE_NAME", bad);
  }
});

test("a folder is read sorted by version; other files are ignored", () => {
  const dir = folder({
    "V10__c.sql": "select 3;",
    "V2__b.sql": "select 2;",
    "V1__a.sql": "select 1;",
    "U2__b.sql": "select -2;",
    "R__v.sql": "select 0;",
    "README.md": "notes",
    ".gitkeep": "",
  });
  const set = readMigrationFolder(dir);
  assert.deepEqual(set.versioned.map((f) => f.script), ["V1__a.sql", "V2__b.sql", "V10__c.sql"]);
  assert.equal(set.undo.get("2")?.script, "U2__b.sql");
  assert.deepEqual(set.repeatable.map((f) => f.description), ["v"]);
});

test("duplicate versions (1.1 and 1_1) are refused", () => {
  const dir = folder({ "V1.1__a.sql": "select 1;", "V1_1__b.sql": "select 2;" });
  expectCode(() => readMigrationFolder(dir), "SHALE_E_DUPLICATE_VERSION", "V1");
});

test("a missing folder is SHALE_E_FOLDER_MISSING, unless allowed", () => {
  expectCode(() => readMigrationFolder("/nonexistent/shale/migrations"), "SHALE_E_FOLDER_MISSING");
  assert.equal(readMigrationFolder("/nonexistent/shale/seeds", { allowMissing: true }).repeatable.length, 0);
});

test("non-UTF-8 files are refused with the line of the first bad byte", () => {
  const dir = folder({ "V1__latin1.sql": Buffer.from([0x2d, 0x2d, 0x0a, 0x73, 0x65, 0x6c, 0x0a, 0x27, 0xe9, 0x27, 0x3b]) });
  const err = expectCode(() => readMigrationFolder(dir), "SHALE_E_FILE_ENCODING", "V1__latin1.sql");
  assert.equal(err.line, 3);
});

test("an undo file without its V file is refused", () => {
  expectCode(() => readMigrationFolder(folder({ "U5__x.sql": "select 1;" })), "SHALE_E_FILE_NAME", "U5__x.sql");
});

test("seeds folders hold only repeatables", () => {
  expectCode(() => readMigrationFolder(folder({ "V1__x.sql": "select 1;" }), { repeatableOnly: true }), "SHALE_E_FILE_NAME");
});

test("checksums ignore CRLF and a BOM, and see every other change", () => {
  const base = checksumOf("create table a (id int);\nselect 1;\n");
  assert.equal(checksumOf("create table a (id int);\r\nselect 1;\r\n"), base);
  assert.equal(checksumOf("\uFEFFcreate table a (id int);\nselect 1;\n"), base);
  assert.notEqual(checksumOf("create table a (id int);\nselect 2;\n"), base);
  assert.notEqual(checksumOf("create table a (id  int);\nselect 1;\n"), base);
  assert.match(base, /^[0-9a-f]{64}$/);
});

test("a BOM in a file does not change its checksum", () => {
  const a = readMigrationFolder(folder({ "V1__a.sql": "select 1;\n" })).versioned[0]!;
  const b = readMigrationFolder(folder({ "V1__a.sql": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("select 1;\r\n")]) })).versioned[0]!;
  assert.equal(a.checksum, b.checksum);
});

test("directives: no-transaction is read; unknown directives are refused with their line", () => {
  const ok = readMigrationFolder(folder({ "V1__a.sql": "-- a comment\n-- shale:no-transaction\nselect 1;" })).versioned[0]!;
  assert.equal(ok.directives.noTransaction, true);
  const late = readMigrationFolder(folder({ "V1__a.sql": "select 1;\n-- shale:no-transaction\n" })).versioned[0]!;
  assert.equal(late.directives.noTransaction, false, "directives count only at the top");
  const err = expectCode(() => readMigrationFolder(folder({ "V1__a.sql": "\n-- shale:no-transactoin\nselect 1;" })), "SHALE_E_DIRECTIVE", "V1__a.sql");
  assert.equal(err.line, 2);
});
