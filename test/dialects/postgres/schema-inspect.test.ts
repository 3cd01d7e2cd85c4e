/**
 * The PostgreSQL inspector on a schema that uses every object kind it reads: the IR of
 * representative objects, a fixed number of catalog queries, diff(x, x) empty, and the DDL of
 * the whole schema loading into an empty database that then inspects equal (convergence).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, it } from "node:test";
import { diffSchemas } from "../../../src/api/schema-diff.js";
import type { Connection } from "../../../src/dialects/dialect.js";
import type { Schema, Table } from "../../../src/schema/types.js";
import { describeEachDialect } from "../../support/databases.js";
import { databaseWith, inspect, pg, recreate, script, useDatabasePair, type LoadedDatabase } from "./schema-helpers.js";

const RICH = readFileSync(new URL("./fixtures/rich-schema.sql", import.meta.url), "utf8");

function table(schema: Schema, ns: string, name: string): Table {
  const found = schema.tables.find((t) => t.schema === ns && t.name === name);
  assert.ok(found, `table ${ns}.${name} not inspected`);
  return found;
}

/** What a recording connection saw: the queries sent on it, and on each helper connection it opened. */
interface Recorded {
  readonly sent: string[];
  readonly helpers: string[][];
  /** How many helpers were closed. */
  closed: number;
}

/**
 * A connection that records the queries sent through it and through the helpers it opens,
 * running `before(sql)` ahead of each; `openAnother` replaces how helpers are opened.
 */
function recording(
  conn: Connection,
  before: (sql: string) => Promise<void> = async () => undefined,
  openAnother: () => Promise<Connection> = () => conn.openAnother!(),
): { conn: Connection } & Recorded {
  const recorded: Recorded = { sent: [], helpers: [], closed: 0 };
  const wrap = (target: Connection, sent: string[]): Connection => {
    const wrapped = Object.create(target) as Connection;
    wrapped.query = async (sql, params) => {
      await before(sql);
      sent.push(sql);
      return target.query(sql, params);
    };
    return wrapped;
  };
  const main = wrap(conn, recorded.sent);
  main.openAnother = async () => {
    const helper = await openAnother();
    const sent: string[] = [];
    recorded.helpers.push(sent);
    const wrapped = wrap(helper, sent);
    wrapped.close = async () => {
      recorded.closed += 1;
      await helper.close();
    };
    return wrapped;
  };
  return Object.assign(recorded, { conn: main });
}

const BEGIN = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
/** Whether a query is one of the catalog queries (queries/inspect-*.sql start with a comment). */
const isCatalogQuery = (sql: string): boolean => sql.startsWith("--");

describeEachDialect("PostgreSQL inspector", (dialect) => {
  if (dialect !== "postgres") return;
  const scratch = useDatabasePair();
  let db: LoadedDatabase;
  let ir: Schema;
  before(async () => {
    db = await databaseWith(RICH);
    ir = await inspect(db.conn);
  });
  after(() => db.close());

  it("reads every non-system schema, their comments and the extensions installed in them", () => {
    assert.deepEqual(ir.namespaces, [
      { name: "app", comment: "the application" },
      { name: "audit" },
      { name: "public", comment: "standard public schema" },
    ]);
    assert.deepEqual(ir.extensions, [
      { name: "citext", schema: "public", version: "1.6" },
      { name: "pg_trgm", schema: "public", version: "1.6" },
    ]);
  });

  it("reads enums, domains and sequences, leaving out identity sequences and extension types", () => {
    assert.deepEqual(ir.enums, [
      { schema: "app", name: "mood", values: ["sad", "ok", "happy"], comment: "how one feels" },
      { schema: "audit", name: "level", values: ["low", "high"] },
    ]);
    assert.deepEqual(
      ir.domains.map((d) => d.name),
      ["email", "positive_int", "short_text"],
    );
    assert.deepEqual(ir.domains[1], {
      schema: "app",
      name: "positive_int",
      type: { kind: "builtin", name: "integer" },
      nullable: false,
      default: "1",
      checks: [{ name: "positive_int_check", expression: "(VALUE > 0)" }],
      comment: "strictly positive",
    });
    assert.deepEqual(ir.domains[2]!.collation, "C");
    assert.deepEqual(
      ir.sequences.map((s) => `${s.schema}.${s.name}`),
      ["app.invoice_numbers", "app.orders_id_seq", "app.plain_seq", "audit.events_id_seq"],
    );
    assert.deepEqual(ir.sequences[0], {
      schema: "app",
      name: "invoice_numbers",
      type: "integer",
      start: "200",
      increment: "10",
      min: "100",
      max: "100000",
      cache: "5",
      cycle: true,
      comment: "invoice numbering",
    });
    assert.deepEqual(ir.sequences[1]!.ownedBy, { table: { schema: "app", name: "orders" }, column: "id" });
  });

  it("reads column types, identity, serial defaults, generated columns, collations and comments", () => {
    const customers = table(ir, "app", "customers");
    const col = (name: string) => customers.columns.find((c) => c.name === name);
    assert.deepEqual(col("id"), { name: "id", type: { kind: "builtin", name: "bigint" }, nullable: false, identity: { kind: "always" } });
    assert.deepEqual(col("email"), { name: "email", type: { kind: "named", schema: "app", name: "email" }, nullable: false, comment: "login" });
    assert.deepEqual(col("name")!.type, { kind: "builtin", name: "character varying", args: ["200"] });
    assert.equal(col("name")!.collation, "C");
    assert.deepEqual(col("moods"), {
      name: "moods",
      type: { kind: "array", element: { kind: "named", schema: "app", name: "mood" } },
      nullable: false,
      default: "'{}'::app.mood[]",
    });
    assert.deepEqual(col("price")!.type, { kind: "builtin", name: "numeric", args: ["10", "2"] });
    assert.deepEqual(col("updated_at")!.type, { kind: "builtin", name: "timestamp without time zone", args: ["3"] });
    assert.deepEqual(col("created_at"), { name: "created_at", type: { kind: "builtin", name: "timestamp with time zone" }, nullable: false, default: "now()" });
    assert.deepEqual(col("full_name")!.generated, { expression: "(lower((name)::text) || '!'::text)", stored: true });
    assert.equal(col("nick")!.collation, undefined, "a domain's own collation is not the column's");
    const orders = table(ir, "app", "orders");
    assert.deepEqual(orders.columns[0], { name: "id", type: { kind: "builtin", name: "integer" }, nullable: false, default: "nextval('app.orders_id_seq'::regclass)" });
    assert.deepEqual(orders.columns.find((c) => c.name === "small_id")!.identity, {
      kind: "by-default",
      start: "10",
      increment: "5",
      max: "30000",
      cache: "3",
      cycle: true,
    });
  });

  it("reads keys, foreign keys and checks with their options and comments", () => {
    const customers = table(ir, "app", "customers");
    assert.deepEqual(customers.primaryKey, { name: "customers_pkey", columns: ["id"], comment: "never reused" });
    assert.deepEqual(customers.uniques, [
      { name: "customers_code_uid", columns: ["code", "uid"], nullsNotDistinct: true, deferrable: true, initiallyDeferred: true },
      { name: "customers_email_key", columns: ["email"], comment: "one account per address" },
    ]);
    const orders = table(ir, "app", "orders");
    assert.deepEqual(orders.foreignKeys, [
      {
        name: "orders_customer_fk",
        columns: ["customer_id"],
        references: { schema: "app", name: "customers" },
        referencedColumns: ["id"],
        onDelete: "cascade",
        onUpdate: "restrict",
        deferrable: true,
        comment: "who placed it",
      },
    ]);
    assert.deepEqual(orders.checks, [
      { name: "orders_number_check", expression: "(number > 0)", notValid: true, comment: "old rows may break it" },
      { name: "orders_total_check", expression: "(total >= (0)::numeric)", noInherit: true },
    ]);
    assert.equal(table(ir, "app", "order_lines").primaryKey!.comment, undefined);
    assert.deepEqual(table(ir, "app", "order_lines").foreignKeys[0]!.match, "full");
    assert.equal(table(ir, "app", "order_lines").foreignKeys[0]!.notValid, true);
    assert.deepEqual(table(ir, "public", "rooms").attrs, { "postgres.exclude:rooms_no_overlap": "EXCLUDE USING gist (during WITH &&) WHERE ((id > 0))" });
  });

  it("reads indexes that back no constraint, with every option", () => {
    const indexes = new Map(table(ir, "app", "customers").indexes.map((i) => [i.name, i]));
    assert.deepEqual([...indexes.keys()], [
      "customers_code_nnd",
      "customers_collate",
      "customers_hash",
      "customers_lower_name",
      "customers_name_pattern",
      "customers_name_trgm",
      "customers_tags",
      "customers_uid_partial",
    ]);
    assert.deepEqual(indexes.get("customers_lower_name"), {
      name: "customers_lower_name",
      unique: false,
      parts: [{ expression: "lower(name::text)", descending: true, nulls: "last" }],
      comment: "search by name",
    });
    assert.deepEqual(indexes.get("customers_name_pattern"), {
      name: "customers_name_pattern",
      unique: false,
      parts: [{ column: "name", opclass: "text_pattern_ops" }, { column: "born", nulls: "first" }],
      attrs: { "postgres.with": "fillfactor=70" },
    });
    assert.deepEqual(indexes.get("customers_name_trgm")!.parts, [{ column: "name", opclass: "public.gin_trgm_ops" }]);
    assert.equal(indexes.get("customers_name_trgm")!.method, "gin");
    assert.deepEqual(indexes.get("customers_uid_partial"), {
      name: "customers_uid_partial",
      unique: true,
      parts: [{ column: "uid" }],
      where: "(uid IS NOT NULL)",
      include: ["born"],
    });
    assert.equal(indexes.get("customers_code_nnd")!.nullsNotDistinct, true);
    assert.deepEqual(indexes.get("customers_collate")!.parts, [{ column: "name", collation: "POSIX" }]);
  });

  it("reads partitioned tables and their partitions", () => {
    assert.deepEqual(table(ir, "app", "measurements").partitioning, { by: "RANGE (logdate)" });
    const p2024 = table(ir, "app", "measurements_2024");
    assert.deepEqual(p2024.partitioning, {
      of: { parent: { schema: "app", name: "measurements" }, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
    });
    assert.deepEqual(p2024.columns, [], "a partition's columns are its parent's");
    assert.deepEqual(p2024.indexes.map((i) => i.name), ["measurements_2024_local"], "copies of the parent's indexes are left out");
    assert.equal(table(ir, "app", "measurements_other").partitioning?.of?.bound, "DEFAULT");
  });

  it("reads views, materialized views, routines and triggers", () => {
    const views = new Map(ir.views.map((v) => [v.name, v]));
    assert.deepEqual(views.get("customer_orders"), {
      schema: "app",
      name: "customer_orders",
      definition: "SELECT c.id,\n    c.name,\n    count(o.id) AS orders\n   FROM app.customers c\n     LEFT JOIN app.orders o ON o.customer_id = c.id\n  GROUP BY c.id, c.name",
      materialized: false,
      columns: ["id", "name", "orders"],
      dependsOn: [
        { schema: "app", name: "customers" },
        { schema: "app", name: "orders" },
      ],
      comment: "orders per customer",
    });
    assert.deepEqual(views.get("big_customers")!.attrs, { "postgres.with": "security_barrier=true, check_option=cascaded" });
    assert.equal(views.get("daily_totals")!.materialized, true);
    assert.deepEqual(views.get("daily_totals")!.indexes, [{ name: "daily_totals_day", unique: true, parts: [{ column: "placed_on" }] }]);
    assert.deepEqual(
      ir.routines.map((r) => `${r.kind} ${r.schema}.${r.name}(${r.signature})`),
      ["function app.add(a integer, b integer)", "function app.add(a numeric, b numeric)", "procedure app.reset_moods(IN to_mood app.mood)", "function app.touch()"],
    );
    assert.match(ir.routines[0]!.definition, /^CREATE OR REPLACE FUNCTION app\.add\(a integer, b integer DEFAULT 1\)\n RETURNS integer/);
    assert.equal(ir.routines[0]!.comment, "adds integers");
    assert.deepEqual(ir.triggers[0], {
      schema: "app",
      name: "customers_touch",
      table: { schema: "app", name: "customers" },
      definition: "CREATE TRIGGER customers_touch BEFORE UPDATE ON app.customers FOR EACH ROW EXECUTE FUNCTION app.touch()",
      routine: { schema: "app", name: "touch" },
      comment: "keeps updated_at",
    });
    assert.equal(ir.triggers[1]!.comment, undefined);
  });

  it("leaves out excluded tables and reads only the schemas asked for", async () => {
    assert.ok(!ir.tables.some((t) => t.name === "shale_history"));
    const only = await pg.schema!.inspect(db.conn, { schemas: ["audit"] });
    assert.deepEqual(only.namespaces, [{ name: "audit" }]);
    assert.deepEqual(only.tables.map((t) => t.name), ["events"]);
    assert.deepEqual(only.extensions, []);
  });

  it("uses the same number of catalog queries whatever the number of tables, split over two connections in one snapshot", async () => {
    const first = recording(db.conn);
    await inspect(first.conn);
    const more = Array.from({ length: 30 }, (_, i) => `CREATE TABLE audit.extra_${i} (id int PRIMARY KEY, v text UNIQUE); CREATE INDEX ON audit.extra_${i} (v, id);`);
    await db.conn.exec(more.join("\n"));
    const second = recording(db.conn);
    const bigger = await inspect(second.conn);
    assert.equal(bigger.tables.length, ir.tables.length + 30);
    assert.deepEqual([second.sent.length, second.helpers.map((h) => h.length)], [first.sent.length, first.helpers.map((h) => h.length)]);

    assert.equal(first.helpers.length, 1, "one helper connection");
    assert.equal(first.closed, 1, "the helper is closed");
    const [helper] = first.helpers as [string[]];
    const mainCatalog = first.sent.filter(isCatalogQuery);
    const helperCatalog = helper.filter(isCatalogQuery);
    assert.equal(mainCatalog.length + helperCatalog.length, 12, "one query per kind of object");
    assert.ok(mainCatalog.length >= 3 && helperCatalog.length >= 3, `split ${mainCatalog.length} + ${helperCatalog.length}`);
    assert.ok(first.sent.length <= mainCatalog.length + 6, `${first.sent.length} queries`);
    // The main connection exports its snapshot right after BEGIN and runs only catalog queries
    // until COMMIT; the helper takes that snapshot up before its first catalog query.
    const begin = first.sent.indexOf(BEGIN);
    const commit = first.sent.indexOf("COMMIT");
    assert.ok(begin >= 0 && commit > begin, first.sent.join("\n"));
    assert.match(first.sent[begin + 1]!, /pg_export_snapshot\(\)/);
    assert.deepEqual(first.sent.slice(begin + 2, commit).filter((sql) => !isCatalogQuery(sql)), [], "only catalog queries in the snapshot");
    assert.equal(first.sent.slice(begin + 2, commit).length, mainCatalog.length);
    assert.deepEqual(helper.slice(1, 3).map((sql) => sql.replace(/'.*'/, "'…'")), [BEGIN, "SET TRANSACTION SNAPSHOT '…'"]);
    assert.deepEqual(helper.slice(3), helperCatalog, "only catalog queries on the helper, after it took the snapshot");
    await db.conn.exec(Array.from({ length: 30 }, (_, i) => `DROP TABLE audit.extra_${i};`).join("\n"));
  });

  it("runs every catalog query on its own connection when no helper can be opened", async () => {
    const alone = recording(db.conn, undefined, () => Promise.reject(new Error("too many connections")));
    assert.deepEqual(await inspect(alone.conn), ir);
    assert.deepEqual(alone.helpers, []);
    const begin = alone.sent.indexOf(BEGIN);
    const commit = alone.sent.indexOf("COMMIT");
    assert.equal(alone.sent.slice(begin + 1, commit).filter(isCatalogQuery).length, 12);
  });

  it("falls back to one connection when the helper cannot take the snapshot up", async () => {
    // A connection to another database: the server refuses a snapshot exported elsewhere.
    const [elsewhere] = scratch();
    const refused = recording(db.conn, undefined, () => pg.connect(elsewhere.url));
    assert.deepEqual(await inspect(refused.conn), ir);
    assert.equal(refused.helpers.length, 1);
    assert.equal(refused.closed, 1, "the refused helper is closed");
    assert.equal(refused.helpers[0]!.filter(isCatalogQuery).length, 0, "no catalog query on the refused helper");
    const begin = refused.sent.indexOf(BEGIN);
    const commit = refused.sent.indexOf("COMMIT");
    assert.equal(refused.sent.slice(begin + 1, commit).filter(isCatalogQuery).length, 12, "all of them on the main connection, in its snapshot");
  });

  it("starts its transaction again on its own connection when exporting the snapshot fails", async () => {
    // The export is made to fail on the server (a division by zero in its query), which
    // aborts the transaction as a real refusal would: the inspector must begin it again.
    const failing = recording(db.conn);
    const send = failing.conn.query.bind(failing.conn);
    failing.conn.query = (sql, params) =>
      send(sql.includes("pg_export_snapshot()") ? "SELECT pg_catalog.pg_export_snapshot() AS id WHERE 1 / 0 = 1" : sql, params);
    assert.deepEqual(await inspect(failing.conn), ir);
    assert.equal(failing.closed, 1, "the unused helper is closed");
    assert.equal(failing.helpers[0]?.filter(isCatalogQuery).length ?? 0, 0, "no catalog query on the helper");
    const again = failing.sent.lastIndexOf(BEGIN);
    assert.ok(again > failing.sent.indexOf(BEGIN), `BEGIN again after the failed export:\n${failing.sent.join("\n")}`);
    assert.equal(failing.sent.slice(again + 1, failing.sent.indexOf("COMMIT")).filter(isCatalogQuery).length, 12);
  });

  it("sees one snapshot while another session changes tables between its queries", async () => {
    const writer = await pg.connect(db.conn.url);
    let changed = false;
    const racing = recording(db.conn, async (sql) => {
      if (changed || !sql.includes("Columns of the tables")) return;
      changed = true;
      await writer.exec("ALTER TABLE audit.events ADD COLUMN late int; CREATE TABLE audit.late (id int)");
    });
    try {
      const seen = await inspect(racing.conn);
      assert.ok(changed, "the other session ran between the queries");
      assert.deepEqual(seen, ir, "the columns query saw the same snapshot as the tables query");
    } finally {
      await writer.exec("ALTER TABLE audit.events DROP COLUMN late; DROP TABLE audit.late");
      await writer.close();
    }
  });

  it("inspects inside a transaction of the caller's without ending it", async () => {
    await db.conn.begin();
    try {
      await db.conn.exec("CREATE TABLE audit.in_caller_tx (id int)");
      const seen = await inspect(db.conn);
      assert.ok(seen.tables.some((t) => t.name === "in_caller_tx"));
    } finally {
      await db.conn.rollback();
    }
    assert.ok(!(await inspect(db.conn)).tables.some((t) => t.name === "in_caller_tx"), "the caller's transaction rolled back");
  });

  it("diffs the schema against itself to nothing", () => {
    assert.deepEqual(diffSchemas(pg, ir, ir).changes, []);
  });

  it("loads its own DDL into an empty database that then inspects equal", async () => {
    const { ddl, copy } = await recreate(scratch()[0], ir);
    assert.deepEqual(diffSchemas(pg, copy, ir).changes, [], script(ddl.statements));
    assert.deepEqual(copy, ir);
  });
});
