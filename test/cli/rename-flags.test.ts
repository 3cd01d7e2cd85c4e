/**
 * The parser of `diff`'s rename flags, without a database: names per dialect (a bare
 * PostgreSQL table is in public; MySQL and SQLite tables have schema ""), quoted parts, and
 * each malformed text as SHALE_E_USAGE naming the flag, its text and the expected form.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expectedForm, hasRenameFlags, renamesFromFlags, type RenameFlags } from "../../src/cli/rename-flags.js";
import type { DialectName } from "../../src/dialects/url.js";
import { isShaleError } from "../../src/errors.js";

describe("rename flags", () => {
  it("reads PostgreSQL tables with or without their schema, a bare one in public", () => {
    assert.deepEqual(renamesFromFlags({ tables: ["users=people", "app.a=app.b", "app.c=d"] }, "postgres"), {
      tables: [
        { from: { schema: "public", name: "users" }, to: { schema: "public", name: "people" }, label: "--rename-table users=people" },
        { from: { schema: "app", name: "a" }, to: { schema: "app", name: "b" }, label: "--rename-table app.a=app.b" },
        { from: { schema: "app", name: "c" }, to: { schema: "public", name: "d" }, label: "--rename-table app.c=d" },
      ],
      columns: [],
      indexes: [],
    });
  });

  it("reads columns and indexes by their table's name, in the order given", () => {
    const flags: RenameFlags = { columns: ["people.name=full_name", "app.people.mail=email"], indexes: ["users.users_email_idx=users_email_key"] };
    assert.deepEqual(renamesFromFlags(flags, "postgres"), {
      tables: [],
      columns: [
        { table: { schema: "public", name: "people" }, from: "name", to: "full_name", label: "--rename-column people.name=full_name" },
        { table: { schema: "app", name: "people" }, from: "mail", to: "email", label: "--rename-column app.people.mail=email" },
      ],
      indexes: [{ table: { schema: "public", name: "users" }, from: "users_email_idx", to: "users_email_key", label: "--rename-index users.users_email_idx=users_email_key" }],
    });
  });

  for (const dialect of ["mysql", "sqlite"] as const) {
    it(`gives ${dialect} tables the schema ""`, () => {
      assert.deepEqual(renamesFromFlags({ tables: ["users=people"], columns: ["people.Name=full_name"], indexes: ["people.a=b"] }, dialect), {
        tables: [{ from: { schema: "", name: "users" }, to: { schema: "", name: "people" }, label: "--rename-table users=people" }],
        columns: [{ table: { schema: "", name: "people" }, from: "Name", to: "full_name", label: "--rename-column people.Name=full_name" }],
        indexes: [{ table: { schema: "", name: "people" }, from: "a", to: "b", label: "--rename-index people.a=b" }],
      });
    });
  }

  it("reads quoted parts holding dots, spaces, '=' and doubled quotes", () => {
    const text = 'public."my.table"."old col"=new';
    assert.deepEqual(renamesFromFlags({ columns: [text] }, "postgres").columns, [
      { table: { schema: "public", name: "my.table" }, from: "old col", to: "new", label: `--rename-column ${text}` },
    ]);
    assert.deepEqual(renamesFromFlags({ tables: ['"a""b"="c=d"'] }, "sqlite").tables, [
      { from: { schema: "", name: 'a"b' }, to: { schema: "", name: "c=d" }, label: '--rename-table "a""b"="c=d"' },
    ]);
    assert.deepEqual(renamesFromFlags({ indexes: ['"t x"."i 1"="i 2"'] }, "mysql").indexes, [
      { table: { schema: "", name: "t x" }, from: "i 1", to: "i 2", label: '--rename-index "t x"."i 1"="i 2"' },
    ]);
  });

  it("says whether any flag was given", () => {
    assert.equal(hasRenameFlags({}), false);
    assert.equal(hasRenameFlags({ tables: [], columns: [], indexes: [] }), false);
    assert.equal(hasRenameFlags({ indexes: ["t.a=b"] }), true);
  });

  const QUOTING = `; double-quote a name part that holds dots, "=" or spaces ("" for a quote)`;
  const bad: { flags: RenameFlags; dialect: DialectName; message: string; hint: string }[] = [
    { flags: { tables: ["users"] }, dialect: "postgres", message: '--rename-table users: no "=" between the old and the new name', hint: "table" },
    { flags: { tables: [""] }, dialect: "sqlite", message: "--rename-table (empty): no old or new name", hint: "table" },
    { flags: { tables: ["=people"] }, dialect: "postgres", message: '--rename-table =people: nothing before "="', hint: "table" },
    { flags: { columns: ["users.name="] }, dialect: "postgres", message: '--rename-column users.name=: nothing after "="', hint: "column" },
    { flags: { tables: ["public..users=people"] }, dialect: "postgres", message: "--rename-table public..users=people: an empty name part (a dot at an end, or two dots in a row)", hint: "table" },
    { flags: { indexes: ["users.=b"] }, dialect: "mysql", message: "--rename-index users.=b: an empty name part (a dot at an end, or two dots in a row)", hint: "index" },
    { flags: { tables: ['""=people'] }, dialect: "sqlite", message: '--rename-table ""=people: an empty quoted name part', hint: "table" },
    { flags: { columns: ['users."old col=new'] }, dialect: "postgres", message: '--rename-column users."old col=new: a quote is not closed', hint: "column" },
    { flags: { tables: ['"a"b=c'] }, dialect: "mysql", message: '--rename-table "a"b=c: text follows the closing quote of "a"', hint: "table" },
    { flags: { tables: ['a"b"=c'] }, dialect: "mysql", message: '--rename-table a"b"=c: a quote inside a name part (quote the whole part)', hint: "table" },
    { flags: { columns: ["users.old col=new"] }, dialect: "sqlite", message: "--rename-column users.old col=new: white space outside quotes (quote a name part that holds spaces)", hint: "column" },
    { flags: { tables: ["a=b=c"] }, dialect: "sqlite", message: '--rename-table a=b=c: more than one "=" (quote a name part that holds "=")', hint: "table" },
    {
      flags: { tables: ["db.app.users=people"] },
      dialect: "postgres",
      message: '--rename-table db.app.users=people: too many dots before "=" (a PostgreSQL table is schema.table, or table in schema public)',
      hint: "table",
    },
    { flags: { tables: ["users=app.x.people"] }, dialect: "postgres", message: '--rename-table users=app.x.people: too many dots after "=" (a PostgreSQL table is schema.table, or table in schema public)', hint: "table" },
    { flags: { tables: ["shop.users=people"] }, dialect: "mysql", message: '--rename-table shop.users=people: too many dots before "=" (a MySQL table is named without a schema or database)', hint: "table" },
    { flags: { tables: ["users=main.people"] }, dialect: "sqlite", message: '--rename-table users=main.people: too many dots after "=" (a SQLite table is named without a schema or database)', hint: "table" },
    { flags: { columns: ["db.app.users.name=n"] }, dialect: "postgres", message: '--rename-column db.app.users.name=n: too many dots before "=" (a PostgreSQL table is schema.table, or table in schema public)', hint: "column" },
    { flags: { columns: ["shop.users.name=n"] }, dialect: "mysql", message: '--rename-column shop.users.name=n: too many dots before "=" (a MySQL table is named without a schema or database)', hint: "column" },
    { flags: { columns: ["users.name=users.full_name"] }, dialect: "postgres", message: `--rename-column users.name=users.full_name: too many dots after "=" (the new name is the column's name alone)`, hint: "column" },
    { flags: { indexes: ["users_email_idx=users_email_key"] }, dialect: "sqlite", message: "--rename-index users_email_idx=users_email_key: no table before the index name", hint: "index" },
  ];
  for (const c of bad) {
    const kind = c.hint as "table" | "column" | "index";
    it(`refuses ${c.message.replace(/^--rename-\w+ /, "")} [${c.dialect}]`, () => {
      assert.throws(
        () => renamesFromFlags(c.flags, c.dialect),
        (err: unknown) => {
          assert.ok(isShaleError(err, "SHALE_E_USAGE"), String(err));
          assert.equal(err.message, c.message);
          assert.equal(err.hint, `Write --rename-${kind} ${expectedForm(kind, c.dialect)}${QUOTING}`);
          assert.equal(err.exitCode, 2);
          return true;
        },
      );
    });
  }

  it("shows the expected form per dialect", () => {
    assert.equal(expectedForm("table", "postgres"), "[SCHEMA.]OLD=[SCHEMA.]NEW, e.g. --rename-table public.users=public.people");
    assert.equal(expectedForm("table", "mysql"), "OLD=NEW, e.g. --rename-table users=people");
    assert.equal(expectedForm("column", "postgres"), "[SCHEMA.]TABLE.OLD=NEW (TABLE as the --to database names it), e.g. --rename-column public.users.name=full_name");
    assert.equal(expectedForm("index", "sqlite"), "TABLE.OLD=NEW (TABLE as the --to database names it), e.g. --rename-index users.users_email_idx=users_email_key");
  });

  it("stops at the first malformed flag, tables before columns before indexes", () => {
    assert.throws(() => renamesFromFlags({ tables: ["a=b", "c"], columns: ["x"] }, "sqlite"), { code: "SHALE_E_USAGE", message: '--rename-table c: no "=" between the old and the new name' });
    assert.throws(() => renamesFromFlags({ columns: ["t.a=b"], indexes: ["i"] }, "sqlite"), { code: "SHALE_E_USAGE", message: '--rename-index i: no "=" between the old and the new name' });
  });
});
