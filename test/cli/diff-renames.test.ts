/**
 * `shale diff --rename-table/--rename-column/--rename-index` through the real command on every
 * dialect: renamed tables, a column inside a renamed table, an index and names that need
 * quotes come out as renames in the SQL, Markdown and JSON reports; the script applied to a
 * copy of --from keeps its rows and leaves no difference; malformed flags are SHALE_E_USAGE
 * and renames that do not apply SHALE_E_RENAME, each with its exact message, and nothing written.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it, test } from "node:test";
import type { Connection, DialectName } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { connectTestDatabase, createTestDatabase, describeEachDialect, type TestDatabase } from "../support/databases.js";
import { createProject, type TestProject } from "../support/project.js";
import { assertExit, assertHumanError, assertJsonError, describeRun, runShale } from "./support.js";

function quote(dialect: DialectName, name: string): string {
  return dialect === "mysql" ? `\`${name}\`` : `"${name}"`;
}

/** The database to change: users, posts, tags, a table whose name holds a dot, and (where names fold case) notes. */
function fromSchema(dialect: DialectName): string[] {
  const int = dialect === "mysql" ? "int" : "integer";
  const q = (name: string) => quote(dialect, name);
  return [
    `CREATE TABLE users (id ${int} NOT NULL PRIMARY KEY, name varchar(50), email varchar(100))`,
    "CREATE INDEX users_email_idx ON users (email)",
    `CREATE TABLE posts (id ${int} NOT NULL PRIMARY KEY, user_id ${int} NOT NULL, title varchar(200), CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id))`,
    "CREATE INDEX posts_title_idx ON posts (title)",
    `CREATE TABLE tags (id ${int} NOT NULL PRIMARY KEY, label varchar(50))`,
    "CREATE INDEX tags_label_idx ON tags (label)",
    `CREATE TABLE ${q("odd.name")} (id ${int} NOT NULL PRIMARY KEY, ${q("old col")} ${int})`,
    // PostgreSQL compares column names with their case, so only the others have a respelling.
    ...(dialect === "postgres" ? [] : [`CREATE TABLE notes (id ${int} NOT NULL PRIMARY KEY, Body varchar(50))`]),
  ];
}

/**
 * The database to match: users renamed people with name renamed full_name, an index renamed,
 * an index renamed and changed, "odd.name" renamed "odd name" with "old col" renamed "new=col".
 */
function toSchema(dialect: DialectName): string[] {
  const int = dialect === "mysql" ? "int" : "integer";
  const q = (name: string) => quote(dialect, name);
  return [
    `CREATE TABLE people (id ${int} NOT NULL PRIMARY KEY, full_name varchar(50), email varchar(100))`,
    "CREATE INDEX users_email_idx ON people (email)",
    `CREATE TABLE posts (id ${int} NOT NULL PRIMARY KEY, user_id ${int} NOT NULL, title varchar(200), CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES people (id))`,
    "CREATE INDEX posts_title_key ON posts (title)",
    `CREATE TABLE tags (id ${int} NOT NULL PRIMARY KEY, label varchar(50))`,
    "CREATE INDEX tags_label_key ON tags (label, id)",
    `CREATE TABLE ${q("odd name")} (id ${int} NOT NULL PRIMARY KEY, ${q("new=col")} ${int})`,
    ...(dialect === "postgres" ? [] : [`CREATE TABLE notes (id ${int} NOT NULL PRIMARY KEY, body varchar(50), extra varchar(50))`]),
  ];
}

/** Rows that the renames must keep. */
function rows(dialect: DialectName): string[] {
  return ["INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.com')", `INSERT INTO ${quote(dialect, "odd.name")} (id, ${quote(dialect, "old col")}) VALUES (1, 42)`];
}

async function load(db: TestDatabase, statements: readonly string[]): Promise<void> {
  const conn = await connectTestDatabase(db);
  try {
    for (const sql of statements) await conn.exec(sql);
  } finally {
    await conn.close();
  }
}

async function withConnection<T>(db: TestDatabase, body: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await connectTestDatabase(db);
  try {
    return await body(conn);
  } finally {
    await conn.close();
  }
}

function escape(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
}

describeEachDialect("shale diff with rename flags", (dialect) => {
  let a: TestDatabase;
  let b: TestDatabase;
  let project: TestProject;
  const shale = (args: string[]) => runShale(args, { cwd: project.dir });
  const both = () => ["--from", a.url, "--to", b.url];
  const pg = dialect === "postgres";
  /** A table as the flags and messages name it. */
  const t = (name: string) => (pg ? `public.${name}` : name);
  const q = (name: string) => quote(dialect, name);
  /** Every rename between the two databases; PostgreSQL tables both with and without their schema. */
  const renames = () => [
    "--rename-table",
    pg ? "users=public.people" : "users=people",
    "--rename-column",
    "people.name=full_name",
    "--rename-index",
    "posts.posts_title_idx=posts_title_key",
    "--rename-table",
    '"odd.name"="odd name"',
    "--rename-column",
    `${pg ? "public." : ""}"odd name"."old col"="new=col"`,
  ];

  before(async () => {
    a = await createTestDatabase(dialect);
    b = await createTestDatabase(dialect);
    await load(a, fromSchema(dialect));
    await load(b, toSchema(dialect));
    project = createProject(a.url);
  });

  after(async () => {
    await a?.drop();
    await b?.drop();
    project?.dispose();
  });

  it("without flags, a renamed table or column is a drop and an add", async () => {
    const run = await shale(["diff", ...both(), "--format", "json"]);
    assertExit(run, 0);
    const kinds = (JSON.parse(run.stdout) as { changes: { kind: string }[] }).changes.map((c) => c.kind);
    for (const kind of ["drop-table", "create-table", "drop-index", "create-index"]) assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(", ")}`);
    assert.ok(!kinds.some((k) => k.startsWith("rename-") && k !== "rename-column"), `no rename but respellings: ${kinds.join(", ")}`);
  });

  it("writes renames into the SQL script instead of drops and adds", async () => {
    const run = await shale(["diff", ...both(), ...renames()]);
    assertExit(run, 0);
    const sql = run.stdout;
    const expected: Record<DialectName, string[]> = {
      postgres: [
        'ALTER TABLE "public"."users" RENAME TO "people";',
        'ALTER TABLE "public"."people" RENAME COLUMN "name" TO "full_name";',
        'ALTER INDEX "public"."posts_title_idx" RENAME TO "posts_title_key";',
        'ALTER TABLE "public"."odd.name" RENAME TO "odd name";',
        'ALTER TABLE "public"."odd name" RENAME COLUMN "old col" TO "new=col";',
      ],
      mysql: [
        "RENAME TABLE `users` TO `people`;",
        "RENAME TABLE `odd.name` TO `odd name`;",
        "ALTER TABLE `people` RENAME COLUMN `name` TO `full_name`;",
        "ALTER TABLE `odd name` RENAME COLUMN `old col` TO `new=col`;",
        "ALTER TABLE `posts` RENAME INDEX `posts_title_idx` TO `posts_title_key`;",
      ],
      sqlite: [
        'ALTER TABLE "users" RENAME TO "people";',
        'ALTER TABLE "people" RENAME COLUMN "name" TO "full_name";',
        'ALTER TABLE "odd.name" RENAME TO "odd name";',
        'ALTER TABLE "odd name" RENAME COLUMN "old col" TO "new=col";',
        // SQLite cannot rename an index: it is dropped and created under its new name.
        'DROP INDEX "posts_title_idx";',
        'CREATE INDEX "posts_title_key" ON "posts" ("title");',
      ],
    };
    const lines = sql.split("\n");
    for (const statement of expected[dialect]) assert.ok(lines.includes(statement), `${statement}\n${describeRun(run)}`);
    assert.doesNotMatch(sql, /DROP TABLE|CREATE TABLE|DROP COLUMN|ADD COLUMN [`"](full_name|new=col)/, describeRun(run));
    assert.match(sql, /^-- \d+ changes \(0 destructive\)/m);
  });

  it("shows the renames in the JSON and Markdown reports", async () => {
    const json = await shale(["diff", ...both(), ...renames(), "--format", "json"]);
    assertExit(json, 0);
    const doc = JSON.parse(json.stdout) as { changes: { kind: string; object: string; description: string; destructive: boolean }[]; summary: { destructive: number } };
    const renamed = doc.changes.filter((c) => c.kind.startsWith("rename-")).map((c) => c.description);
    const respelled = pg ? [] : ["rename column Body to body on notes"];
    assert.deepEqual(
      renamed.sort(),
      [
        `rename table ${t("odd.name")} to ${t("odd name")}`,
        `rename table ${t("users")} to ${t("people")}`,
        `rename column name to full_name on ${t("people")}`,
        `rename column old col to new=col on ${t("odd name")}`,
        `rename index posts_title_idx to posts_title_key on ${t("posts")}`,
        ...respelled,
      ].sort(),
    );
    const kinds = doc.changes.map((c) => c.kind);
    for (const kind of ["drop-table", "create-table", "drop-column"]) assert.ok(!kinds.includes(kind), `no ${kind} in ${kinds.join(", ")}`);
    assert.equal(doc.summary.destructive, 0);

    const md = await shale(["diff", ...both(), ...renames(), "--format", "md"]);
    assertExit(md, 0);
    assert.match(md.stdout, new RegExp(`### \`${t("people").replace(".", "\\.")}\`\n\nRenamed from \`${t("users").replace(".", "\\.")}\`\\.`));
    assert.ok(md.stdout.includes("| rename column | column `name` | `name` | `full_name` |"), md.stdout);
    assert.ok(md.stdout.includes("| rename index | index `posts_title_idx` | `posts_title_idx` | `posts_title_key` |"), md.stdout);
    assert.ok(md.stdout.includes(`Renamed from \`${t("odd.name")}\`.`), md.stdout);
  });

  it("the script applied to --from keeps the renamed table's and column's rows and leaves no difference", async () => {
    const c = await createTestDatabase(dialect);
    try {
      await load(c, [...fromSchema(dialect), ...rows(dialect)]);
      const run = await shale(["diff", "--from", c.url, "--to", b.url, ...renames(), "--out", "renames.sql"]);
      assertExit(run, 0);
      const script = readFileSync(join(project.dir, "renames.sql"), "utf8");
      await load(c, (await loadDialect(dialect)).split(script).map((s) => s.sql));
      const again = await shale(["diff", "--from", c.url, "--to", b.url, "--exit-code"]);
      assertExit(again, 0);
      assert.match(again.stdout, /The schemas are equal: nothing to change\./, `${describeRun(again)}\n--- script\n${script}`);
      await withConnection(c, async (conn) => {
        assert.deepEqual(await conn.query("SELECT id, full_name, email FROM people"), [{ id: 1, full_name: "Ada", email: "ada@example.com" }]);
        assert.deepEqual(await conn.query(`SELECT ${q("new=col")} AS v FROM ${q("odd name")}`), [{ v: 42 }]);
      });
    } finally {
      await c.drop();
    }
  });

  /** Runs the command with --out (and again with --json) and requires the exact error and no file. */
  async function assertRefused(args: string[], code: string, message: string, hint: string): Promise<void> {
    const out = "refused.sql";
    const human = await shale(["diff", ...both(), ...args, "--out", out]);
    assertHumanError(human, { code, exit: 2, message: escape(`error [${code}] ${message}`), hint: escape(`  hint: ${hint}`) });
    const json = await shale(["diff", ...both(), ...args, "--json"]);
    const error = assertJsonError(json, { code, exit: 2 });
    assert.equal(error.message, message);
    assert.equal(error.hint, hint);
    assert.ok(!existsSync(join(project.dir, out)), `nothing written\n${describeRun(human)}`);
  }

  const tables = `Tables only on the --from side: ${t('"odd.name"')}, ${t("users")}; only on the --to side: ${t('"odd name"')}, ${t("people")}`;
  const userColumns = `In ${t("people")}, columns only on the --from side: "name"; only on the --to side: "full_name"`;
  const postIndexes = `In ${t("posts")}, indexes only on the --from side: "posts_title_idx"; only on the --to side: "posts_title_key"`;
  const ONCE = "Give each old and each new name in one rename only";
  const refusals: { what: string; args: string[]; message: string; hint: string }[] = [
    {
      what: "a table that is on both sides",
      args: ["--rename-table", "posts=people"],
      message: `--rename-table posts=people: no table ${t("posts")} on the --from side that is missing on the --to side`,
      hint: tables,
    },
    {
      what: "a table that is on neither side",
      args: ["--rename-table", "nobody=people"],
      message: `--rename-table nobody=people: no table ${t("nobody")} on the --from side that is missing on the --to side`,
      hint: tables,
    },
    {
      what: "a new table name that is on both sides",
      args: ["--rename-table", "users=posts"],
      message: `--rename-table users=posts: no table ${t("posts")} on the --to side that is missing on the --from side`,
      hint: tables,
    },
    {
      what: "two renames of one table",
      args: ["--rename-table", "users=people", "--rename-table", 'users="odd name"'],
      message: `--rename-table users="odd name": table ${t("users")} is already renamed by --rename-table users=people`,
      hint: ONCE,
    },
    {
      what: "two renames to one name",
      args: ["--rename-table", "users=people", "--rename-table", '"odd.name"=people'],
      message: `--rename-table "odd.name"=people: table ${t("people")} is already the new name in --rename-table users=people`,
      hint: ONCE,
    },
    {
      what: "a column named by its table's old name",
      args: ["--rename-table", "users=people", "--rename-column", "users.name=full_name"],
      message: `--rename-column users.name=full_name: no table ${t("users")} on the --to side`,
      hint: `Name the table as the --to database does: ${t("people")}`,
    },
    {
      what: "a column of a table that is new on the --to side",
      args: ["--rename-column", "people.name=full_name"],
      message: `--rename-column people.name=full_name: table ${t("people")} is new on the --to side, so it has no column to rename`,
      hint: `Rename the table too (--rename-table OLD=${t("people")}), or leave this rename out`,
    },
    {
      what: "a column the --from side does not have",
      args: ["--rename-table", "users=people", "--rename-column", "people.nme=full_name"],
      message: `--rename-column people.nme=full_name: no column "nme" in ${t("users")} on the --from side that is missing on the --to side`,
      hint: userColumns,
    },
    {
      what: "a column that is on both sides",
      args: ["--rename-table", "users=people", "--rename-column", "people.email=full_name"],
      message: `--rename-column people.email=full_name: no column "email" in ${t("users")} on the --from side that is missing on the --to side`,
      hint: userColumns,
    },
    {
      what: "a new column name that the --from side has too",
      args: ["--rename-table", "users=people", "--rename-column", "people.name=email"],
      message: `--rename-column people.name=email: no column "email" in ${t("people")} on the --to side that is missing on the --from side`,
      hint: userColumns,
    },
    {
      what: "a quoted column name that the --to side does not have",
      args: ["--rename-table", '"odd.name"="odd name"', "--rename-column", '"odd name"."old col"="new col"'],
      message: `--rename-column "odd name"."old col"="new col": no column "new col" in ${t('"odd name"')} on the --to side that is missing on the --from side`,
      hint: `In ${t('"odd name"')}, columns only on the --from side: "old col"; only on the --to side: "new=col"`,
    },
    {
      what: "an index the --from side does not have",
      args: ["--rename-index", "posts.nope=posts_title_key"],
      message: `--rename-index posts.nope=posts_title_key: no index "nope" in ${t("posts")} on the --from side that is missing on the --to side`,
      hint: postIndexes,
    },
    {
      what: "an index the --to side does not have",
      args: ["--rename-index", "posts.posts_title_idx=nope"],
      message: `--rename-index posts.posts_title_idx=nope: no index "nope" in ${t("posts")} on the --to side that is missing on the --from side`,
      hint: postIndexes,
    },
    {
      what: "two renames of one index",
      args: ["--rename-index", "posts.posts_title_idx=posts_title_key", "--rename-index", "posts.posts_title_idx=posts_title_key"],
      message: `--rename-index posts.posts_title_idx=posts_title_key: index "posts_title_idx" of ${t("posts")} is already renamed by --rename-index posts.posts_title_idx=posts_title_key`,
      hint: ONCE,
    },
    {
      what: "an index whose definition changed too",
      args: ["--rename-index", "tags.tags_label_idx=tags_label_key"],
      message: `--rename-index tags.tags_label_idx=tags_label_key: index "tags_label_idx" and index "tags_label_key" of ${t("tags")} differ in more than their name, so the index is dropped and created`,
      hint: "Leave this rename out: an index whose definition changes is created anew anyway",
    },
    ...(pg
      ? []
      : [
          {
            what: "a column whose old name the database takes for a name on the --to side",
            args: ["--rename-column", "notes.Body=extra"],
            message: `--rename-column notes.Body=extra: the diff pairs "Body" with "body", names this database takes for one`,
            hint: "Names that differ only in case are one name to this database; leave this rename out",
          },
        ]),
  ];
  for (const r of refusals) {
    it(`refuses ${r.what} with SHALE_E_RENAME`, () => assertRefused(r.args, "SHALE_E_RENAME", r.message, r.hint));
  }

  const form = {
    table: pg ? "[SCHEMA.]OLD=[SCHEMA.]NEW, e.g. --rename-table public.users=public.people" : "OLD=NEW, e.g. --rename-table users=people",
    column: `${pg ? "[SCHEMA.]" : ""}TABLE.OLD=NEW (TABLE as the --to database names it), e.g. --rename-column ${pg ? "public." : ""}users.name=full_name`,
    index: `${pg ? "[SCHEMA.]" : ""}TABLE.OLD=NEW (TABLE as the --to database names it), e.g. --rename-index ${pg ? "public." : ""}users.users_email_idx=users_email_key`,
  };
  const quoting = `; double-quote a name part that holds dots, "=" or spaces ("" for a quote)`;
  const tooManyDots = pg ? "a PostgreSQL table is schema.table, or table in schema public" : `a ${dialect === "mysql" ? "MySQL" : "SQLite"} table is named without a schema or database`;
  const malformed: { flag: "table" | "column" | "index"; text: string; problem: string }[] = [
    { flag: "table", text: "users", problem: 'no "=" between the old and the new name' },
    { flag: "table", text: "=people", problem: 'nothing before "="' },
    { flag: "column", text: "people.name=", problem: 'nothing after "="' },
    { flag: "index", text: "posts..x=y", problem: "an empty name part (a dot at an end, or two dots in a row)" },
    { flag: "column", text: 'people."full name=x', problem: "a quote is not closed" },
    { flag: "table", text: pg ? "a.b.users=people" : "a.users=people", problem: `too many dots before "=" (${tooManyDots})` },
    { flag: "column", text: pg ? "a.b.people.name=full_name" : "a.people.name=full_name", problem: `too many dots before "=" (${tooManyDots})` },
    { flag: "index", text: "posts.a=posts.b", problem: `too many dots after "=" (the new name is the index's name alone)` },
  ];
  for (const m of malformed) {
    it(`refuses --rename-${m.flag} ${m.text} with SHALE_E_USAGE`, () =>
      assertRefused([`--rename-${m.flag}`, m.text], "SHALE_E_USAGE", `--rename-${m.flag} ${m.text}: ${m.problem}`, `Write --rename-${m.flag} ${form[m.flag]}${quoting}`));
  }
});

test("`shale diff --help` lists the three flags, one line each", async () => {
  const help = await runShale(["diff", "--help"], { cwd: tmpdir() });
  assertExit(help, 0);
  const line = (flag: string) => help.stdout.split("\n").find((l) => l.trimStart().startsWith(flag)) ?? "";
  assert.match(line("--rename-table <old=new>"), /^ {2}--rename-table <old=new> +rename table OLD to NEW \(repeatable\)$/);
  assert.match(line("--rename-column <table.old=new>"), /^ {2}--rename-column <table\.old=new> +rename column TABLE\.OLD to NEW \(repeatable\)$/);
  assert.match(line("--rename-index <table.old=new>"), /^ {2}--rename-index <table\.old=new> +rename index TABLE\.OLD to NEW \(repeatable\)$/);
});
