import assert from "node:assert/strict";
import { test } from "node:test";
import { foreignKeyOrder, graphOrder } from "../../src/plan/order.js";
import { qualifiedKey } from "../../src/schema/names.js";
import { col, entity, fk } from "../support/ir.js";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

test("graphOrder puts every key after its dependencies, except along the edges it cut", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const next = random(seed);
    const n = 1 + Math.floor(next() * 12);
    const keys = Array.from({ length: n }, (_, i) => `k${String(i).padStart(2, "0")}`);
    const deps = new Map(keys.map((k) => [k, keys.filter(() => next() < 0.2)]));
    const { order, cut } = graphOrder(keys, (k) => deps.get(k)!);
    assert.deepEqual([...order].sort(), keys, `seed ${seed}: every key once`);
    const at = new Map(order.map((k, i) => [k, i]));
    const cutSet = new Set(cut.map(([a, b]) => `${a}>${b}`));
    for (const [k, ds] of deps) {
      for (const d of ds) {
        if (d !== k && !cutSet.has(`${k}>${d}`)) assert.ok(at.get(d)! < at.get(k)!, `seed ${seed}: ${d} before ${k}`);
      }
    }
    const acyclic = [...deps].every(([k, ds]) => ds.every((d) => d === k || keys.indexOf(d) < keys.indexOf(k)));
    if (acyclic) assert.deepEqual(cut, [], `seed ${seed}: nothing cut without a cycle`);
  }
});

test("graphOrder keeps name order where dependencies allow", () => {
  assert.deepEqual(graphOrder(["a", "b", "c"], () => []).order, ["a", "b", "c"]);
  assert.deepEqual(graphOrder(["a", "b", "c"], (k) => (k === "a" ? ["c"] : [])).order, ["b", "c", "a"]);
});

test("foreignKeyOrder breaks a two-table cycle at the smaller name, and ignores tables outside the set", () => {
  const a = entity("a", [col("b_id"), col("x_id")], { foreignKeys: [fk("a_b", ["b_id"], "b"), fk("a_x", ["x_id"], "elsewhere")] });
  const b = entity("b", [col("a_id")], { foreignKeys: [fk("b_a", ["a_id"], "a")] });
  const result = foreignKeyOrder([b, a]);
  assert.deepEqual(result.order.map(qualifiedKey), [a, b].map(qualifiedKey));
  assert.deepEqual(
    result.closing.map((c) => c.foreignKey.name),
    ["a_b"],
  );
});
