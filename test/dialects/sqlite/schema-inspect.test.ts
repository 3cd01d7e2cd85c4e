/**
 * The SQLite inspector on a schema that uses every feature the IR covers, written in an
 * awkward style (comments, quotes, odd spacing): the IR must hold exactly the expected
 * values, diff(x, x) must be empty, and the DDL made from it must rebuild the same schema.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Connection } from "../../../src/dialects/dialect.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/index.js";
import type { Schema } from "../../../src/schema/types.js";
import { assertSameSchema, diff, inspect, memoryDb, recreate } from "./schema-support.js";

const RICH = `
CREATE TABLE "Authors" (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- a comment, with a comma (and parentheses
  name VARCHAR ( 20 ) NOT NULL COLLATE nocase CONSTRAINT name_not_blank CHECK (trim(name) <> ''),
  bio text DEFAULT 'it''s, (really) -- fine',
  born date DEFAULT CURRENT_DATE,
  score numeric(15, 4) DEFAULT (1.5 * 2),
  flags DEFAULT -1,
  empty DEFAULT NULL,
  "select" unsigned  big int,
  /* block comment, CHECK (x) */ upper_name text GENERATED ALWAYS AS (upper(name)) VIRTUAL,
  name_len int AS (length(name)) STORED,
  UNIQUE (name, born),
  CONSTRAINT "score range" CHECK (score BETWEEN 0 AND 100)
);
CREATE TABLE tags (label text PRIMARY KEY, weight int NOT NULL UNIQUE) WITHOUT ROWID, STRICT;
CREATE TABLE books (
  isbn text NOT NULL,
  edition int NOT NULL DEFAULT 1,
  author_id integer REFERENCES authors ON DELETE CASCADE,
  tag text CONSTRAINT book_tag REFERENCES tags (label) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  title text CHECK (title NOT LIKE '%)%'),
  PRIMARY KEY (isbn, edition)
);
CREATE TABLE notes (body text);
CREATE INDEX books_title ON books (lower(title) DESC, tag COLLATE rtrim) WHERE title IS NOT NULL;
CREATE UNIQUE INDEX "Books by author" ON books (author_id, edition DESC);
CREATE VIEW author_names (id, display) AS SELECT id, name || ' (' || born || ')' FROM "Authors";
CREATE VIEW recent AS SELECT b.title FROM books b JOIN author_names a ON a.id = b.author_id;
CREATE TRIGGER books_touch AFTER UPDATE OF title ON books BEGIN
  UPDATE authors SET bio = 'edited; again' WHERE id = NEW.author_id;
END;
CREATE TABLE shale_history (id int);
CREATE VIRTUAL TABLE search USING fts5(body);
ANALYZE;
`;

const EXPECTED: Schema = {
  dialect: "sqlite",
  namespaces: [],
  extensions: [],
  enums: [],
  domains: [],
  sequences: [],
  tables: [
    {
      schema: "",
      name: "Authors",
      columns: [
        { name: "id", type: { kind: "builtin", name: "integer" }, nullable: false, identity: { kind: "auto-increment" } },
        { name: "name", type: { kind: "builtin", name: "varchar", args: ["20"] }, nullable: false, collation: "NOCASE" },
        { name: "bio", type: { kind: "builtin", name: "text" }, nullable: true, default: "'it''s, (really) -- fine'" },
        { name: "born", type: { kind: "builtin", name: "date" }, nullable: true, default: "CURRENT_DATE" },
        { name: "score", type: { kind: "builtin", name: "numeric", args: ["15", "4"] }, nullable: true, default: "1.5 * 2" },
        { name: "flags", type: { kind: "raw", sql: "" }, nullable: true, default: "-1" },
        { name: "empty", type: { kind: "raw", sql: "" }, nullable: true },
        { name: "select", type: { kind: "builtin", name: "unsigned big int" }, nullable: true },
        { name: "upper_name", type: { kind: "builtin", name: "text" }, nullable: true, generated: { expression: "upper(name)", stored: false } },
        { name: "name_len", type: { kind: "builtin", name: "int" }, nullable: true, generated: { expression: "length(name)", stored: true } },
      ],
      primaryKey: { columns: ["id"] },
      uniques: [{ name: "Authors_name_born_key", columns: ["name", "born"] }],
      foreignKeys: [],
      checks: [
        { expression: "trim(name) <> ''", name: "name_not_blank" },
        { expression: "score BETWEEN 0 AND 100", name: "score range" },
      ],
      indexes: [],
    },
    {
      schema: "",
      name: "books",
      columns: [
        { name: "isbn", type: { kind: "builtin", name: "text" }, nullable: false },
        { name: "edition", type: { kind: "builtin", name: "int" }, nullable: false, default: "1" },
        { name: "author_id", type: { kind: "builtin", name: "integer" }, nullable: true },
        { name: "tag", type: { kind: "builtin", name: "text" }, nullable: true },
        { name: "title", type: { kind: "builtin", name: "text" }, nullable: true },
      ],
      primaryKey: { columns: ["isbn", "edition"] },
      uniques: [],
      foreignKeys: [
        {
          name: "book_tag",
          columns: ["tag"],
          references: { schema: "", name: "tags" },
          referencedColumns: ["label"],
          onDelete: "no action",
          onUpdate: "set null",
          deferrable: true,
          initiallyDeferred: true,
        },
        {
          name: "books_author_id_fkey",
          columns: ["author_id"],
          references: { schema: "", name: "Authors" },
          referencedColumns: ["id"],
          onDelete: "cascade",
          onUpdate: "no action",
        },
      ],
      checks: [{ expression: "title NOT LIKE '%)%'" }],
      indexes: [
        { name: "Books by author", unique: true, parts: [{ column: "author_id" }, { column: "edition", descending: true }] },
        {
          name: "books_title",
          unique: false,
          parts: [
            { expression: "lower(title)", descending: true },
            { column: "tag", collation: "RTRIM" },
          ],
          where: "title IS NOT NULL",
        },
      ],
    },
    {
      schema: "",
      name: "notes",
      columns: [{ name: "body", type: { kind: "builtin", name: "text" }, nullable: true }],
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
    },
    {
      schema: "",
      name: "tags",
      columns: [
        { name: "label", type: { kind: "builtin", name: "text" }, nullable: false },
        { name: "weight", type: { kind: "builtin", name: "int" }, nullable: false },
      ],
      primaryKey: { columns: ["label"] },
      uniques: [{ name: "tags_weight_key", columns: ["weight"] }],
      foreignKeys: [],
      checks: [],
      indexes: [],
      attrs: { "sqlite.strict": true, "sqlite.withoutRowid": true },
    },
  ],
  views: [
    {
      schema: "",
      name: "author_names",
      definition: "SELECT id, name || ' (' || born || ')' FROM \"Authors\"",
      materialized: false,
      columns: ["id", "display"],
      dependsOn: [{ schema: "", name: "Authors" }],
    },
    {
      schema: "",
      name: "recent",
      definition: "SELECT b.title FROM books b JOIN author_names a ON a.id = b.author_id",
      materialized: false,
      dependsOn: [
        { schema: "", name: "author_names" },
        { schema: "", name: "books" },
      ],
    },
  ],
  routines: [],
  triggers: [
    {
      schema: "",
      name: "books_touch",
      table: { schema: "", name: "books" },
      definition:
        "CREATE TRIGGER books_touch AFTER UPDATE OF title ON books BEGIN\n  UPDATE authors SET bio = 'edited; again' WHERE id = NEW.author_id;\nEND",
    },
  ],
};

/** A connection that counts its queries. */
function counting(conn: Connection): { conn: Connection; count: () => number } {
  let n = 0;
  const wrapped = Object.create(conn) as Connection;
  wrapped.query = (sql, params) => {
    n++;
    return conn.query(sql, params);
  };
  return { conn: wrapped, count: () => n };
}

describe("SQLite schema inspection", () => {
  it("reads every feature into the expected IR", async () => {
    const conn = await memoryDb(RICH);
    try {
      const schema = await inspect(conn);
      const raw = await sqliteDialect.schema!.inspect(conn, { excludeTables: ["shale_history"] });
      assert.deepEqual(sqliteDialect.schema!.normalize(raw), EXPECTED);
      assert.ok(schema.tables.some((t) => t.name === "shale_history"), "excludeTables is the caller's choice");
      assert.ok(!schema.tables.some((t) => t.name.startsWith("sqlite_") || t.name.startsWith("search")), "internal, virtual and shadow tables are left out");
    } finally {
      await conn.close();
    }
  });

  it("diff(x, x) is empty, and the DDL made from the IR rebuilds the same schema", async () => {
    const conn = await memoryDb(RICH);
    try {
      const schema = { ...(await inspect(conn)) };
      assert.deepEqual(diff(schema, schema).changes, []);
      assertSameSchema(await recreate(schema), schema);
    } finally {
      await conn.close();
    }
  });

  it("normalize is idempotent on what inspect reports", async () => {
    const conn = await memoryDb(RICH);
    try {
      const raw = await sqliteDialect.schema!.inspect(conn);
      assert.deepEqual(sqliteDialect.schema!.normalize(raw), raw);
    } finally {
      await conn.close();
    }
  });

  it("uses a fixed number of queries whatever the number of tables", async () => {
    const small = await memoryDb("CREATE TABLE a (id integer PRIMARY KEY)");
    const big = await memoryDb(
      Array.from({ length: 40 }, (_, i) => `CREATE TABLE t${i} (id integer PRIMARY KEY, v text UNIQUE REFERENCES t0 (v)); CREATE INDEX i${i} ON t${i} (v);`).join("\n"),
    );
    try {
      const one = counting(small);
      const many = counting(big);
      await sqliteDialect.schema!.inspect(one.conn);
      const schema = await sqliteDialect.schema!.inspect(many.conn);
      assert.equal(schema.tables.length, 40);
      assert.equal(many.count(), one.count());
      assert.equal(one.count(), 4);
    } finally {
      await small.close();
      await big.close();
    }
  });

  it("hand-written IR in other spellings normalises to what the database reports", () => {
    const table = EXPECTED.tables[0]!;
    const spelled: Schema = {
      ...EXPECTED,
      namespaces: [{ name: "main" }],
      tables: [
        {
          ...table,
          schema: "main",
          comment: "SQLite keeps no comments",
          columns: table.columns.map((c) =>
            c.name === "name"
              ? { ...c, type: { kind: "raw", sql: "VARCHAR(20)" }, collation: "nocase" }
              : c.name === "empty"
                ? { ...c, default: "null" }
                : c.name === "id"
                  ? { ...c, nullable: true }
                  : c,
          ),
          checks: [...table.checks].reverse(),
        },
        ...EXPECTED.tables.slice(1),
      ],
    };
    assert.deepEqual(diff(sqliteDialect.schema!.normalize(spelled), EXPECTED).changes, []);
  });
});
