/**
 * The MySQL inspector on a MariaDB schema that uses every object kind it reads: the IR of
 * representative objects, a fixed number of catalog queries, diff(x, x) empty, and the DDL of
 * the whole schema loading into an empty database that then inspects equal (convergence).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { createSchemaDdl, diffSchemas } from "../../../src/api/schema-diff.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import type { Schema } from "../../../src/schema/types.js";
import { describeEachDialect } from "../../support/databases.js";
import { apply, assertConverged, databaseWith, inspect, my, script, table, withDatabases, type LoadedDatabase } from "./schema-helpers.js";

const RICH = readFileSync(new URL("./fixtures/rich-schema.sql", import.meta.url), "utf8");

/** A connection that counts the queries sent through it. */
function counting(conn: Connection): { conn: Connection; count: () => number } {
  let queries = 0;
  const wrapped: Connection = Object.create(conn) as Connection;
  wrapped.query = (sql, params) => {
    queries += 1;
    return conn.query(sql, params);
  };
  return { conn: wrapped, count: () => queries };
}

function column(schema: Schema, tableName: string, name: string) {
  const found = table(schema, tableName).columns.find((c) => c.name === name);
  assert.ok(found, `column ${tableName}.${name} not inspected`);
  return found;
}

describeEachDialect("MySQL inspector", (dialect) => {
  if (dialect !== "mysql") return;
  let db: LoadedDatabase;
  let ir: Schema;
  before(async () => {
    db = await databaseWith(RICH);
    ir = await inspect(db.conn);
  });
  after(() => db.close());

  it("reads base tables with engine, character set, collation, explicit row format and comment; excluded tables stay out", () => {
    assert.deepEqual(
      ir.tables.map((t) => t.name),
      ["event_log", "posts", "tags", "users"],
    );
    const users = table(ir, "users");
    assert.deepEqual(users.attrs, {
      "mysql.charset": "utf8mb4",
      "mysql.collation": "utf8mb4_unicode_ci",
      "mysql.engine": "InnoDB",
      "mysql.rowFormat": "DYNAMIC",
    });
    assert.equal(users.comment, "people who log in");
    assert.deepEqual(table(ir, "event_log").attrs, { "mysql.charset": "latin1", "mysql.collation": "latin1_swedish_ci", "mysql.engine": "MyISAM" });
    assert.deepEqual(ir.namespaces, []);
    assert.equal(ir.dialect, "mysql");
  });

  it("reads column types in canonical form: display widths dropped, unsigned/zerofill in the name, inline enums", () => {
    assert.deepEqual(column(ir, "users", "id"), { name: "id", type: { kind: "builtin", name: "int unsigned" }, nullable: false, identity: { kind: "auto-increment" } });
    assert.deepEqual(column(ir, "users", "padded").type, { kind: "builtin", name: "int unsigned zerofill", args: ["5"] });
    assert.deepEqual(column(ir, "users", "active").type, { kind: "builtin", name: "tinyint", args: ["1"] });
    assert.deepEqual(column(ir, "users", "score").type, { kind: "builtin", name: "decimal", args: ["10", "2"] });
    assert.deepEqual(column(ir, "users", "status").type, { kind: "enum", values: ["new", "it's", "a\\b", "done"] });
    assert.deepEqual(column(ir, "users", "flags").type, { kind: "set", values: ["x", "y"] });
    assert.deepEqual(column(ir, "posts", "id").type, { kind: "builtin", name: "bigint" });
    assert.deepEqual(column(ir, "users", "ref").type, { kind: "builtin", name: "uuid" });
  });

  it("reads defaults as MariaDB prints them, NULL defaults omitted", () => {
    assert.equal(column(ir, "users", "name").default, "'it''s'");
    assert.equal(column(ir, "users", "score").default, "0.00");
    assert.equal(column(ir, "users", "active").default, "1");
    assert.equal(column(ir, "users", "created").default, "current_timestamp()");
    assert.equal(column(ir, "users", "rnd").default, "rand()");
    assert.equal(column(ir, "users", "bits").default, "b'101'");
    assert.equal(column(ir, "users", "born").default, "'2000-01-01'");
    assert.equal(column(ir, "users", "flags").default, undefined);
  });

  it("reads ON UPDATE, generated, invisible, comments, and collations that differ from the table's", () => {
    assert.deepEqual(column(ir, "users", "updated"), {
      name: "updated",
      type: { kind: "builtin", name: "datetime", args: ["3"] },
      nullable: true,
      default: "current_timestamp(3)",
      attrs: { "mysql.onUpdate": "current_timestamp(3)" },
    });
    assert.deepEqual(column(ir, "users", "full_name").generated, { expression: "concat(`email`,' ',`nick`)", stored: false });
    assert.deepEqual(column(ir, "users", "email_length").generated, { expression: "char_length(`email`)", stored: true });
    assert.deepEqual(column(ir, "users", "secret").attrs, { "mysql.invisible": true });
    assert.equal(column(ir, "users", "email").comment, "login name");
    assert.equal(column(ir, "users", "email").collation, undefined);
    assert.deepEqual(column(ir, "users", "name").collation, "latin1_swedish_ci");
    assert.deepEqual(column(ir, "users", "name").attrs, { "mysql.charset": "latin1" });
    assert.deepEqual(column(ir, "users", "nick").collation, "utf8mb4_bin");
    assert.equal(column(ir, "users", "nick").attrs, undefined);
  });

  it("reads MariaDB's JSON (LONGTEXT plus a json_valid check) back as json, without the check", () => {
    assert.deepEqual(column(ir, "users", "profile"), { name: "profile", type: { kind: "builtin", name: "json" }, nullable: true });
    assert.ok(!table(ir, "users").checks.some((c) => c.name === "profile"));
  });

  it("reads primary keys, and every UNIQUE as a unique index", () => {
    const users = table(ir, "users");
    assert.deepEqual(users.primaryKey, { columns: ["id"] });
    assert.deepEqual(table(ir, "tags").primaryKey, { columns: ["post_id", "tag"] });
    assert.deepEqual(users.uniques, []);
    assert.deepEqual(
      users.indexes.find((i) => i.name === "uq_email"),
      { name: "uq_email", unique: true, parts: [{ column: "email" }] },
    );
  });

  it("reads prefix lengths, DESC parts, comments, FULLTEXT, SPATIAL, HASH and IGNORED indexes", () => {
    assert.deepEqual(table(ir, "users").indexes, [
      { name: "ft_bio", unique: false, parts: [{ column: "bio" }], method: "fulltext" },
      { name: "ix_name_created", unique: false, parts: [{ column: "name", length: 10 }, { column: "created", descending: true }], comment: "prefix and order" },
      { name: "ix_score", unique: false, parts: [{ column: "score" }], attrs: { "mariadb.ignored": true } },
      { name: "sp_home", unique: false, parts: [{ column: "home" }], method: "spatial" },
      { name: "uq_bio", unique: true, parts: [{ column: "bio" }], method: "hash" },
      { name: "uq_email", unique: true, parts: [{ column: "email" }] },
    ]);
  });

  it("reads foreign keys with actions (RESTRICT as no action), including the indexes MySQL made for them", () => {
    const posts = table(ir, "posts");
    assert.deepEqual(posts.foreignKeys, [
      { name: "fk_posts_parent", columns: ["parent_id"], references: { schema: "", name: "posts" }, referencedColumns: ["id"], onDelete: "set null", onUpdate: "no action" },
      { name: "fk_posts_user", columns: ["user_id"], references: { schema: "", name: "users" }, referencedColumns: ["id"], onDelete: "cascade", onUpdate: "set null" },
      { name: "posts_ibfk_1", columns: ["editor_id"], references: { schema: "", name: "users" }, referencedColumns: ["id"], onDelete: "no action", onUpdate: "no action" },
    ]);
    assert.deepEqual(
      posts.indexes.map((i) => i.name),
      ["editor_id", "fk_posts_user", "ix_parent"],
    );
  });

  it("reads table-level checks by name, and MariaDB's column-level checks on their column", () => {
    assert.deepEqual(table(ir, "users").checks, [
      { name: "CONSTRAINT_1", expression: "`active` in (0,1)" },
      { name: "chk_score", expression: "`score` >= 0" },
    ]);
    assert.deepEqual(table(ir, "posts").checks, []);
    assert.deepEqual(column(ir, "posts", "title").attrs, { "mariadb.check": "`title` <> ''" });
  });

  it("reads views without the database qualifier, with algorithm, security, check option and dependencies", () => {
    assert.deepEqual(ir.views, [
      {
        schema: "",
        name: "active_users",
        definition: "select `u`.`id` AS `id`,`u`.`email` AS `email` from `users` `u` where `u`.`active` = 1",
        materialized: false,
        dependsOn: [{ schema: "", name: "users" }],
      },
      {
        schema: "",
        name: "user_emails",
        definition: "select `active_users`.`id` AS `user_id`,`active_users`.`email` AS `address` from `active_users`",
        materialized: false,
        dependsOn: [{ schema: "", name: "active_users" }],
        attrs: { "mysql.algorithm": "MERGE", "mysql.checkOption": "CASCADED", "mysql.security": "INVOKER" },
      },
    ]);
  });

  it("rebuilds CREATE TRIGGER, FUNCTION and PROCEDURE statements without DEFINER", () => {
    assert.deepEqual(ir.triggers[1], {
      schema: "",
      name: "users_bi",
      table: { schema: "", name: "users" },
      definition: "CREATE TRIGGER `users_bi` BEFORE INSERT ON `users` FOR EACH ROW SET NEW.nick = LOWER(NEW.nick)",
    });
    assert.deepEqual(ir.routines[0], {
      schema: "",
      name: "add_one",
      kind: "function",
      signature: "int",
      definition: "CREATE FUNCTION `add_one`(`x` int) RETURNS int DETERMINISTIC COMMENT 'adds one' RETURN x + 1",
      comment: "adds one",
    });
    const procedure = ir.routines[1]!;
    assert.equal(procedure.signature, "int unsigned, varchar(10), decimal(5,2)");
    assert.match(procedure.definition, /^CREATE PROCEDURE `touch_user`\(IN `uid` int unsigned, OUT `result` varchar\(10\), INOUT `counter` decimal\(5,2\)\) MODIFIES SQL DATA SQL SECURITY INVOKER BEGIN\n/);
  });

  it("uses the same fixed number of catalog queries for one table as for the whole schema", async () => {
    const rich = counting(db.conn);
    await my.schema!.inspect(rich.conn);
    await withDatabases(["CREATE TABLE t (id INT)"], async ([small]) => {
      const one = counting(small!.conn);
      await my.schema!.inspect(one.conn);
      assert.equal(one.count(), rich.count());
      assert.equal(rich.count(), 12);
    });
  });

  it("diffs the schema against itself as empty", () => {
    assert.deepEqual(diffSchemas(my, ir, ir).changes, []);
  });

  it("normalising an inspected schema again changes nothing", () => {
    assert.deepEqual(my.schema!.normalize(ir), ir);
  });

  it("writes DDL that loads the whole schema into an empty database, which then inspects equal", async () => {
    const ddl = createSchemaDdl(my, ir);
    await withDatabases([""], async ([empty]) => {
      await apply(empty!.conn, ddl.statements);
      await assertConverged(empty!.conn, ir, ddl);
    });
    assert.ok(ddl.statements.length > 0, script(ddl.statements));
  });
});
