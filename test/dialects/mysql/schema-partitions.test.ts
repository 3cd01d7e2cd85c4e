/**
 * MySQL partitioning on a real server: information_schema.PARTITIONS read into one canonical
 * PARTITION BY text that a hand-written clause normalises to as well; tables that differ only
 * in partitioning differ; CREATE TABLE, PARTITION BY, REMOVE PARTITIONING, ADD PARTITION and
 * DROP PARTITION applied, inspected again and converged, with the rows kept where they should be.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { createSchemaDdl, diffSchemas } from "../../../src/api/schema-diff.js";
import { canonicalPartitionBy } from "../../../src/dialects/mysql/partitions.js";
import { emptySchema, type Table } from "../../../src/schema/types.js";
import { describeEachDialect } from "../../support/databases.js";
import { alters, apply, assertConverged, inspect, my, roundTrip, script, table, withDatabases } from "./schema-helpers.js";

/** Each table: the DDL that creates it, and the canonical text the server's catalog reads back as. */
const SCHEMES: readonly (readonly [string, string, string])[] = [
  [
    "r",
    "CREATE TABLE r (id BIGINT NOT NULL, joined DATE NOT NULL, PRIMARY KEY (id, joined)) PARTITION BY RANGE (YEAR(joined)) (PARTITION p2021 VALUES LESS THAN (2022), PARTITION pmax VALUES LESS THAN MAXVALUE)",
    "RANGE (year(`joined`)) (PARTITION `p2021` VALUES LESS THAN (2022), PARTITION `pmax` VALUES LESS THAN MAXVALUE)",
  ],
  [
    "rc",
    "CREATE TABLE rc (d DATE NOT NULL, region VARCHAR(20) NOT NULL) PARTITION BY RANGE COLUMNS (d, region) (PARTITION p1 VALUES LESS THAN ('2024-04-01', 'm'), PARTITION p_max VALUES LESS THAN (MAXVALUE, MAXVALUE))",
    "RANGE COLUMNS (`d`,`region`) (PARTITION `p1` VALUES LESS THAN ('2024-04-01','m'), PARTITION `p_max` VALUES LESS THAN (MAXVALUE,MAXVALUE))",
  ],
  [
    "l",
    "CREATE TABLE l (c INT) PARTITION BY LIST (c) (PARTITION `p north` VALUES IN (3, 1, 2) ENGINE = InnoDB, PARTITION p_s VALUES IN (4, NULL) COMMENT 'it''s' STORAGE ENGINE InnoDB)",
    "LIST (`c`) (PARTITION `p north` VALUES IN (3,1,2), PARTITION `p_s` VALUES IN (NULL,4) COMMENT = 'it''s')",
  ],
  ["lc", "CREATE TABLE lc (a INT, b CHAR(2)) PARTITION BY LIST COLUMNS (a, b) (PARTITION p1 VALUES IN ((1, 'x'), (0, 'y')))", "LIST COLUMNS (`a`,`b`) (PARTITION `p1` VALUES IN ((1,'x'),(0,'y')))"],
  ["h", "CREATE TABLE h (u INT) PARTITION BY HASH (u)", "HASH (`u`)"],
  ["h4", "CREATE TABLE h4 (id INT) PARTITION BY LINEAR HASH (id % 7) PARTITIONS 4", "LINEAR HASH (`id` MOD 7) PARTITIONS 4"],
  ["hn", "CREATE TABLE hn (id INT) PARTITION BY HASH (ABS(id)) (PARTITION a, PARTITION b COMMENT = 'b')", "HASH (abs(`id`)) (PARTITION `a`, PARTITION `b` COMMENT = 'b')"],
  ["k", "CREATE TABLE k (id INT NOT NULL PRIMARY KEY) PARTITION BY KEY () PARTITIONS 1", "KEY ()"],
  ["lk", "CREATE TABLE lk (a INT, b INT) PARTITION BY LINEAR KEY ALGORITHM=2 (a, b) PARTITIONS 3", "LINEAR KEY (`a`,`b`) PARTITIONS 3"],
  [
    "sub",
    "CREATE TABLE sub (d DATE) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (TO_DAYS(d)) SUBPARTITIONS 2 (PARTITION p0 VALUES LESS THAN (1990), PARTITION p1 VALUES LESS THAN MAXVALUE)",
    "RANGE (year(`d`)) SUBPARTITION BY HASH (to_days(`d`)) SUBPARTITIONS 2 (PARTITION `p0` VALUES LESS THAN (1990), PARTITION `p1` VALUES LESS THAN MAXVALUE)",
  ],
  [
    "subn",
    "CREATE TABLE subn (id INT, d DATE) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY KEY (id) (PARTITION p0 VALUES LESS THAN (1990) (SUBPARTITION s0, SUBPARTITION s1), PARTITION p1 VALUES LESS THAN MAXVALUE (SUBPARTITION s2, SUBPARTITION s3))",
    "RANGE (year(`d`)) SUBPARTITION BY KEY (`id`) (PARTITION `p0` VALUES LESS THAN (1990) (SUBPARTITION `s0`, SUBPARTITION `s1`), PARTITION `p1` VALUES LESS THAN MAXVALUE (SUBPARTITION `s2`, SUBPARTITION `s3`))",
  ],
];

const RANGE_TABLE = (partitions: string) => `CREATE TABLE sales (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y) (${partitions})`;
const LIST_TABLE = (partitions: string, options = "") =>
  `CREATE TABLE regions (id INT NOT NULL, code INT NOT NULL, PRIMARY KEY (id, code)) ${options} PARTITION BY LIST (code) (${partitions})`;

describeEachDialect("MySQL partitioning", (dialect) => {
  if (dialect !== "mysql") return;

  it("reads every partitioning method into the canonical text, which the hand-written clause normalises to too", async () => {
    await withDatabases([SCHEMES.map(([, sql]) => sql).join(";\n")], async ([db]) => {
      const schema = await inspect(db!.conn);
      for (const [name, sql, expected] of SCHEMES) {
        assert.deepEqual(table(schema, name).partitioning, { by: expected }, name);
        const written = sql.slice(sql.indexOf("PARTITION BY"));
        assert.equal(canonicalPartitionBy(written), expected, `${name} as written`);
        assert.equal(canonicalPartitionBy(expected), expected, `${name} canonical text is stable`);
      }
      assert.deepEqual(diffSchemas(my, schema, schema).changes, []);
    });
    assert.equal(canonicalPartitionBy(" SYSTEM_TIME INTERVAL 1 MONTH "), "SYSTEM_TIME INTERVAL 1 MONTH", "a clause the parser does not know is kept as written");
  });

  it("normalises a hand-built table's clause to what the server reports, so the two compare equal", async () => {
    const [, sql, expected] = SCHEMES[0]!;
    await withDatabases([sql], async ([db]) => {
      const live = await inspect(db!.conn);
      const written: Table = { ...table(live, "r"), partitioning: { by: "range (year(joined)) (partition p2021 values less than (2022), partition pmax values less than (maxvalue))" } };
      const declared = my.schema!.normalize({ ...live, tables: [written] });
      assert.equal(table(declared, "r").partitioning?.by, expected);
      assert.deepEqual(diffSchemas(my, live, declared).changes, []);
    });
  });

  it("creates partitioned tables from the IR alone, and the server reads them back unchanged", async () => {
    await withDatabases([SCHEMES.map(([, sql]) => sql).join(";\n"), ""], async ([source, empty]) => {
      const schema = await inspect(source!.conn);
      const ddl = createSchemaDdl(my, schema);
      assert.ok(ddl.statements.some((s) => s.sql.includes("\nPARTITION BY RANGE (year(`joined`))")), script(ddl.statements));
      await apply(empty!.conn, ddl.statements);
      await assertConverged(empty!.conn, schema, ddl);
    });
  });

  it("sees tables that differ only in partitioning, and partitions and unpartitions them in place", async () => {
    const plain = "CREATE TABLE t (id INT NOT NULL, c INT NOT NULL, PRIMARY KEY (id, c))";
    const d = await roundTrip(plain, `${plain} PARTITION BY HASH (c) PARTITIONS 3`);
    assert.deepEqual(d.changes.map((c) => c.kind), ["alter-table"]);
    assert.deepEqual(alters(d, "t"), ["ALTER TABLE `t` PARTITION BY HASH (`c`) PARTITIONS 3"]);
    const back = await roundTrip(`${plain} PARTITION BY HASH (c) PARTITIONS 3`, plain);
    assert.deepEqual(alters(back, "t"), ["ALTER TABLE `t` REMOVE PARTITIONING"]);
  });

  it("repartitions after the other clauses of the same statement, such as the primary key it needs", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, y INT NOT NULL) PARTITION BY HASH (id)",
      "CREATE TABLE t (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)",
    );
    assert.deepEqual(alters(d, "t"), [
      "ALTER TABLE `t`\n  DROP PRIMARY KEY,\n  ADD PRIMARY KEY (`id`, `y`)\n  PARTITION BY RANGE (`y`) (PARTITION `p0` VALUES LESS THAN (10), PARTITION `p1` VALUES LESS THAN MAXVALUE)",
    ]);
  });

  it("appends and removes RANGE partitions with ADD PARTITION and DROP PARTITION, alone and keeping the other rows", async () => {
    const two = "PARTITION p2022 VALUES LESS THAN (2023), PARTITION p2023 VALUES LESS THAN (2024)";
    const four = `${two}, PARTITION p2024 VALUES LESS THAN (2025), PARTITION \`p max\` VALUES LESS THAN MAXVALUE`;
    await withDatabases([RANGE_TABLE(two), RANGE_TABLE(four)], async ([a, b]) => {
      await a!.conn.exec("INSERT INTO sales VALUES (1, 2022), (2, 2023)");
      const [irA, irB] = [await inspect(a!.conn), await inspect(b!.conn)];
      const up = diffSchemas(my, irA, irB);
      assert.deepEqual(up.statements.map((s) => s.sql), ["ALTER TABLE `sales` ADD PARTITION (PARTITION `p2024` VALUES LESS THAN (2025), PARTITION `p max` VALUES LESS THAN MAXVALUE)"]);
      assert.equal(up.statements[0]!.destructive, false);
      await apply(a!.conn, up.statements);
      await assertConverged(a!.conn, irB, up);
      await a!.conn.exec("INSERT INTO sales VALUES (3, 2024), (4, 2030)");
      const down = diffSchemas(my, await inspect(a!.conn), irA);
      assert.deepEqual(down.statements.map((s) => s.sql), ["ALTER TABLE `sales` DROP PARTITION `p2024`, `p max`"]);
      assert.equal(down.statements[0]!.destructive, true);
      await apply(a!.conn, down.statements);
      await assertConverged(a!.conn, irA, down);
      assert.deepEqual(await a!.conn.query("SELECT id FROM sales ORDER BY id"), [{ id: 1 }, { id: 2 }]);
    });
  });

  it("removes a LIST partition from the middle alone, and appends one with a comment change by partitioning again", async () => {
    const a = "PARTITION p_north VALUES IN (1, 2), PARTITION p_south VALUES IN (3, 4), PARTITION p_east VALUES IN (5)";
    const drop = await roundTrip(LIST_TABLE(a), LIST_TABLE("PARTITION p_north VALUES IN (1, 2), PARTITION p_east VALUES IN (5)"));
    assert.deepEqual(alters(drop, "regions"), ["ALTER TABLE `regions` DROP PARTITION `p_south`"]);
    // ADD PARTITION takes no other clause, so with the comment in the same change the table is partitioned again.
    const d = await roundTrip(LIST_TABLE(a), LIST_TABLE(`${a}, PARTITION \`p west\` VALUES IN (6, NULL)`, "COMMENT 'lists'"));
    assert.deepEqual(alters(d, "regions"), [
      "ALTER TABLE `regions`\n  COMMENT='lists'\n  PARTITION BY LIST (`code`) (PARTITION `p_north` VALUES IN (1,2), PARTITION `p_south` VALUES IN (3,4), PARTITION `p_east` VALUES IN (5), PARTITION `p west` VALUES IN (NULL,6))",
    ]);
  });

  it("changes a partition's bound by partitioning the table again, since only appends and removals are edits", async () => {
    const d = await roundTrip(RANGE_TABLE("PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20)"), RANGE_TABLE("PARTITION p0 VALUES LESS THAN (15), PARTITION p1 VALUES LESS THAN (20)"));
    assert.match(alters(d, "sales")[0]!, /^ALTER TABLE `sales` PARTITION BY RANGE \(`y`\)/);
  });

  it("refuses PostgreSQL's PARTITION OF, which MySQL has not", () => {
    const child: Table = {
      schema: "",
      name: "c",
      columns: [{ name: "id", type: { kind: "builtin", name: "int" }, nullable: false }],
      uniques: [],
      foreignKeys: [],
      checks: [],
      indexes: [],
      partitioning: { of: { parent: { schema: "", name: "p" }, bound: "FOR VALUES IN (1)" } },
    };
    assert.throws(() => createSchemaDdl(my, { ...emptySchema("mysql"), tables: [child] }), /PARTITION OF/);
  });
});
