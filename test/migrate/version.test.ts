import assert from "node:assert/strict";
import { test } from "node:test";
import { compareVersions, parseVersion } from "../../src/migrate/version.js";

const v = (t: string) => parseVersion(t)!;

test("versions compare numerically part by part", () => {
  assert.ok(compareVersions(v("2"), v("10")) < 0);
  assert.ok(compareVersions(v("1.2"), v("1.10")) < 0);
  assert.ok(compareVersions(v("1_2"), v("1.2")) === 0);
  assert.ok(compareVersions(v("1"), v("1.0.0")) === 0);
  assert.ok(compareVersions(v("20261121093000"), v("20261121093001")) < 0);
  assert.ok(compareVersions(v("99999999999999999999"), v("100000000000000000000")) < 0);
});

test("the canonical text drops separators' variety and trailing zeros", () => {
  assert.equal(v("1_2_0").text, "1.2");
  assert.equal(v("007").text, "7");
});

test("malformed versions are refused", () => {
  for (const bad of ["", "1.", ".1", "1..2", "a", "1-2", "1.2a"]) assert.equal(parseVersion(bad), undefined, bad);
});
