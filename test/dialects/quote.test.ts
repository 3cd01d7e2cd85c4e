/** Identifier quoting and literals: the exact text per dialect, and round trips on real servers. */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Dialect, LiteralValue } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import * as mysql from "../../src/dialects/mysql/quote.js";
import * as postgres from "../../src/dialects/postgres/quote.js";
import * as sqlite from "../../src/dialects/sqlite/quote.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";

/** Awkward strings every dialect must write so that the server reads them back unchanged. */
const TRICKY_STRINGS = [
  "",
  "plain",
  "it's",
  "''",
  "back\\slash",
  "\\'; DROP TABLE x; --",
  "ends with backslash\\",
  "tab\there\nnewline\r\n",
  "bell\u0007 and \u001f and \u007f",
  "double \" quote and `backtick`",
  "unicode é ß 漢字 🦀",
  "$$ dollar $tag$",
];

/** Awkward identifiers every dialect must quote so that the name survives. */
const TRICKY_NAMES = ["select", 'we"ird', "we`ird", "with space", "Mixed Case", "it's", "ünï", "🦀", "back\\slash"];

describe("literal and quoteIdent text", () => {
  const cases: [LiteralValue, string, string, string][] = [
    // value, postgres, mysql, sqlite
    [null, "NULL", "NULL", "NULL"],
    [true, "TRUE", "1", "1"],
    [false, "FALSE", "0", "0"],
    [42, "42", "42", "42"],
    [-1.5, "-1.5", "-1.5", "-1.5"],
    [12345678901234567890n, "12345678901234567890", "12345678901234567890", "12345678901234567890"],
    ["it's", "'it''s'", "'it''s'", "'it''s'"],
    ["a\\b", "E'a\\\\b'", "_utf8mb4 X'615c62'", "'a\\b'"],
    ["line\nbreak", "'line\nbreak'", "_utf8mb4 X'6c696e650a627265616b'", "'line\nbreak'"],
    ["nul\0", "", "_utf8mb4 X'6e756c00'", "CAST(X'6e756c00' AS TEXT)"],
  ];
  for (const [value, pg, my, lite] of cases) {
    it(`writes ${JSON.stringify(String(value))}`, () => {
      if (pg) assert.equal(postgres.literal(value), pg);
      assert.equal(mysql.literal(value), my);
      assert.equal(sqlite.literal(value), lite);
    });
  }

  it("refuses values that have no literal form", () => {
    for (const literal of [postgres.literal, mysql.literal, sqlite.literal]) {
      assert.throws(() => literal(Number.NaN), RangeError);
      assert.throws(() => literal(Number.POSITIVE_INFINITY), RangeError);
    }
    assert.throws(() => postgres.literal("nul\0"), RangeError);
    assert.throws(() => postgres.quoteIdent("nul\0"), RangeError);
  });

  it("quotes identifiers by doubling the quote character", () => {
    assert.equal(postgres.quoteIdent('we"ird'), '"we""ird"');
    assert.equal(sqlite.quoteIdent('we"ird'), '"we""ird"');
    assert.equal(mysql.quoteIdent("we`ird"), "`we``ird`");
    assert.equal(mysql.quoteIdent('we"ird'), '`we"ird`');
  });
});

describeEachDialect("literal and quoteIdent round trips", (dialectName) => {
  const fx = useDatabaseProject(dialectName);
  let dialect: Dialect;
  before(async () => {
    dialect = await loadDialect(dialectName);
  });

  async function readBack(value: LiteralValue): Promise<unknown> {
    const rows = await fx.conn.query<{ v: unknown }>(`SELECT ${dialect.literal(value)} AS v`);
    return rows[0]?.v;
  }

  it("reads every tricky string back unchanged", async () => {
    for (const value of TRICKY_STRINGS) assert.equal(await readBack(value), value, JSON.stringify(value));
  });

  it("writes numbers, booleans and NULL the server reads as such", async () => {
    assert.equal(await readBack(null), null);
    assert.equal(String(await readBack(-17)), "-17");
    assert.equal(String(await readBack(2.5)), "2.5");
    const rows = await fx.conn.query<{ v: unknown }>(`SELECT ${dialect.literal(9007199254740993n)} - 9007199254740992 AS v`);
    assert.equal(String(rows[0]?.v), "1");
    assert.equal(String(await readBack(true)), dialectName === "postgres" ? "true" : "1");
  });

  if (dialectName === "postgres") {
    it("reads backslashes back whatever standard_conforming_strings says", async () => {
      await fx.conn.exec("SET standard_conforming_strings = off");
      await fx.conn.exec("SET escape_string_warning = off");
      try {
        for (const value of TRICKY_STRINGS) assert.equal(await readBack(value), value, JSON.stringify(value));
      } finally {
        await fx.conn.exec("SET standard_conforming_strings = on");
      }
    });
  }

  if (dialectName === "mysql") {
    it("reads backslashes back under NO_BACKSLASH_ESCAPES and ANSI_QUOTES", async () => {
      await fx.conn.exec("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES,ANSI_QUOTES')");
      try {
        for (const value of [...TRICKY_STRINGS, "nul\0byte"]) assert.equal(await readBack(value), value, JSON.stringify(value));
      } finally {
        await fx.conn.exec("SET SESSION sql_mode = DEFAULT");
      }
    });
  }

  if (dialectName === "sqlite") {
    it("reads a NUL character back", async () => {
      assert.equal(await readBack("nul\0byte"), "nul\0byte");
    });
  }

  it("keeps every tricky identifier as written", async () => {
    // MySQL identifiers cannot hold characters outside the Basic Multilingual Plane.
    const names = dialectName === "mysql" ? TRICKY_NAMES.filter((n) => n !== "🦀") : TRICKY_NAMES;
    for (const [i, name] of names.entries()) {
      const table = dialect.quoteIdent(`${name} ${i}`);
      const column = dialect.quoteIdent(name);
      await fx.conn.exec(`CREATE TABLE ${table} (${column} INTEGER)`);
      await fx.conn.exec(`INSERT INTO ${table} (${column}) VALUES (${i})`);
      const rows = await fx.conn.query(`SELECT ${column} FROM ${table}`);
      assert.deepEqual(Object.keys(rows[0] ?? {}), [name]);
      assert.equal(Number(Object.values(rows[0] ?? {})[0]), i);
    }
  });
});
