/**
 * Spellings MySQL treats as the same thing: an index name in another case (renamed in place
 * rather than rebuilt), and check expressions that test membership of the same set (IN lists
 * in another order or with repeats, OR chains of equalities). Real differences still show.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { diffSchemas } from "../../../src/api/schema-diff.js";
import { mysqlDiffHooks } from "../../../src/dialects/mysql/diff-hooks.js";
import { describeEachDialect } from "../../support/databases.js";
import { inspect, my, roundTrip, script, withDatabases } from "./schema-helpers.js";

const same = (a: string, b: string) => mysqlDiffHooks.sameExpression!(a, b);

/** The changes between two databases loaded with `a` and `b`. */
async function changesBetween(a: string, b: string): Promise<string[]> {
  return withDatabases([a, b], async ([dbA, dbB]) => diffSchemas(my, await inspect(dbA!.conn), await inspect(dbB!.conn)).changes.map((c) => c.kind));
}

describeEachDialect("MySQL equivalent spellings", (dialect) => {
  if (dialect !== "mysql") return;

  it("renames an index whose name only changes case instead of dropping and rebuilding it", async () => {
    const d = await roundTrip(
      "CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(100), INDEX IDX_NAME (name), INDEX keep_me (id, name))",
      "CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(100), INDEX idx_name (name), INDEX keep_me (id, name))",
    );
    assert.deepEqual(d.statements.map((s) => s.sql), ["ALTER TABLE `products` RENAME INDEX `IDX_NAME` TO `idx_name`"], script(d.statements));
    assert.deepEqual(d.changes, [{ kind: "rename-index", table: { schema: "", name: "products" }, from: "IDX_NAME", to: "idx_name" }]);
  });

  it("still rebuilds an index whose name changes case along with its definition", async () => {
    const d = await roundTrip(
      "CREATE TABLE t (a INT, b INT, INDEX Ix (a))",
      "CREATE TABLE t (a INT, b INT, INDEX ix (a, b))",
    );
    assert.deepEqual(d.statements.map((s) => s.sql), ["ALTER TABLE `t`\n  DROP INDEX `Ix`,\n  ADD KEY `ix` (`a`, `b`)"]);
  });

  it("compares IN lists as sets and OR chains of equalities as IN lists", () => {
    assert.ok(same("`c` = 'e' or `c` = 'e' or `c` = 'x'", "`c` in ('e','x')"));
    assert.ok(same("(`a`,`b`) in ((1,2),(3,4))", "(`a`,`b`) in ((3,4),(1,2))"));
    assert.ok(same("`a` NOT IN (2, 1) AND `b` > 0", "`a` not in (1,2,2) and `b` > 0"));
    assert.ok(!same("`c` in ('e','x')", "`c` in ('e','y')"));
    assert.ok(!same("`c` = 'e' or `d` = 'x'", "`c` in ('e','x')"));
    assert.ok(!same("`c` = 'e' and `c` = 'x'", "`c` in ('e','x')"));
    assert.ok(!same("`a` = 1 and `b` = 2 or `a` = 3", "`a` in (1,3)"));
    assert.ok(!same("`c` > 'e' or `c` = 'x'", "`c` in ('e','x')"));
  });

  it("sees no change between checks that test the same set, and still sees a different set", async () => {
    const table = (check: string) => `CREATE TABLE items (id INT PRIMARY KEY, category VARCHAR(20), a INT, b INT, CONSTRAINT chk CHECK (${check}))`;
    assert.deepEqual(await changesBetween(table("category = 'e' OR category = 'e' OR category = 'c'"), table("category IN ('e', 'c')")), []);
    assert.deepEqual(await changesBetween(table("(a, b) IN ((1, 2), (3, 4))"), table("(a, b) IN ((3, 4), (1, 2))")), []);
    assert.deepEqual(await changesBetween(table("category IN ('e', 'c')"), table("category IN ('e', 'd')")), ["drop-check", "add-check"]);
  });
});
