/** Summaries of a corpus run: counts, rates, groups of failures and skips, and the Markdown table. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Change } from "../../src/diff/changes.js";
import { changeKinds, compactSql, messageCategory } from "./describe.js";
import { formatMarkdown } from "./format.js";
import { failureGroups, perFile, skipGroups, tally, type CaseRecord } from "./report.js";
import { MISSED_CHANGE } from "./run.js";

function record(name: string, file: string, result: CaseRecord["result"]): CaseRecord {
  return { dialect: "postgres", file, name, result };
}

const PASS = { status: "pass", ms: 1, statements: { up: 1, down: 1 }, notes: [] } as const;

const RECORDS: CaseRecord[] = [
  record("A", "psqldef/tests_a.yml", PASS),
  record("B", "psqldef/tests_a.yml", { status: "fail", category: "residual: alter-column(default)", detail: "up: t.c | x", ms: 1 }),
  record("C", "psqldef/tests_b.yml", { status: "fail", category: "residual: alter-column(default)", detail: "up: t.d", ms: 1 }),
  record("D", "psqldef/tests_b.yml", { status: "skip", reason: 'server refused current: role "reader" does not exist' }),
  record("E", "psqldef/tests_b.yml", { status: "skip", reason: 'server refused current: role "writer" does not exist' }),
  record("F", "psqldef/tests_b.yml", { ...PASS, notes: [MISSED_CHANGE] }),
];

describe("tally and groups", () => {
  it("counts and rates over the cases that applied", () => {
    assert.deepEqual(tally(RECORDS), { pass: 2, fail: 2, skip: 2, rate: 0.5, unseen: 1 });
    assert.equal(tally([RECORDS[3]!]).rate, undefined);
  });

  it("counts per file", () => {
    assert.deepEqual(
      perFile(RECORDS).map((f) => [f.file, f.tally.pass, f.tally.fail, f.tally.skip]),
      [
        ["psqldef/tests_a.yml", 1, 1, 0],
        ["psqldef/tests_b.yml", 1, 1, 2],
      ],
    );
  });

  it("groups failures by category and skips by their reason without names", () => {
    assert.deepEqual(
      failureGroups(RECORDS).map((g) => [g.key, g.count, g.example.name]),
      [["residual: alter-column(default)", 2, "B"]],
    );
    assert.deepEqual(
      skipGroups(RECORDS).map((g) => [g.key, g.count]),
      [['server refused current: role "?" does not exist', 2]],
    );
  });

  it("writes Markdown whose table cells cannot break the table", () => {
    const md = formatMarkdown(RECORDS, { servers: new Map([["postgres", { dialect: "postgres", version: "15.20", flavors: [] }]]) });
    assert.match(md, /^\| postgres \| 15\.20 \| 2 \| 1 \| 2 \| 2 \| 50\.0% \|$/m);
    assert.match(md, /\| postgres \| psqldef\/tests_a\.yml \| B \| residual: alter-column\(default\) \| up: t\.c \\\| x \|/);
  });
});

describe("failure texts", () => {
  it("takes names and numbers out of messages, keeping the first line", () => {
    assert.equal(messageCategory('relation "users" does not exist\nHINT: x'), 'relation "?" does not exist');
    assert.equal(messageCategory("function public.is_email(text) does not exist"), "function ? does not exist");
    assert.equal(messageCategory("cannot drop constraint users_pkey on table users because other objects depend on it"), "cannot drop constraint ? on table ? because other objects depend on it");
    assert.equal(messageCategory("Can't DROP `x`; errno 150"), "Can't DROP `?`; errno N");
    assert.equal(messageCategory("no schema has been selected to create in"), "no schema has been selected to create in");
  });

  it("lists the kinds of changes left, with the aspects that differ", () => {
    const column = { name: "c", type: { kind: "builtin", name: "integer" }, nullable: true } as const;
    const changes = [
      { kind: "alter-column", table: { schema: "public", name: "t" }, from: column, to: column, what: ["type", "default"] },
      { kind: "drop-index", table: { schema: "public", name: "t" }, index: { name: "i" } },
      { kind: "drop-index", table: { schema: "public", name: "t" }, index: { name: "j" } },
    ] as unknown as Change[];
    assert.equal(changeKinds(changes), "alter-column(default,type), drop-index");
  });

  it("writes a statement on one line", () => {
    assert.equal(compactSql("-- note\nCREATE TABLE t (\n  a int\n)"), "CREATE TABLE t ( a int )");
  });
});
