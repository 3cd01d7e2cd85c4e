/**
 * A fixed, fast selection of the sqldef corpus (fast-subset.json) that must converge on
 * every dialect: load current and desired, diff, apply, inspect again, both ways. The whole
 * corpus runs with `npm run corpus`.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Dialect, DialectName } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { describeEachDialect } from "../support/databases.js";
import { loadCorpus } from "./loader.js";
import { runCase } from "./run.js";
import type { ServerInfo } from "./select.js";
import { probeServer } from "./servers.js";
import { sourceFor, type ClosableSource } from "./sources.js";

const SUBSET = JSON.parse(readFileSync(new URL("./fast-subset.json", import.meta.url), "utf8")) as Record<DialectName, string[]>;

describeEachDialect("sqldef corpus subset", (dialectName) => {
  const names = SUBSET[dialectName];
  const cases = loadCorpus(dialectName).filter((c) => names.includes(c.name));
  let dialect: Dialect;
  let server: ServerInfo;
  let databases: ClosableSource;

  before(async () => {
    dialect = await loadDialect(dialectName);
    server = await probeServer(dialectName);
    databases = sourceFor(dialect, 4);
  });
  after(async () => {
    assert.deepEqual(await databases.close(), [], "every database was dropped");
  });

  it("names only cases the corpus has", () => {
    assert.deepEqual(
      names.filter((n) => !cases.some((c) => c.name === n)),
      [],
    );
    assert.ok(cases.length >= 10, `only ${cases.length} cases chosen`);
  });

  describe("cases", { concurrency: 4 }, () => {
    for (const c of cases) {
      it(`${c.file} ${c.name}`, async (t) => {
        const result = await runCase(c, dialect, server, { databases, timeoutMs: 20_000 });
        if (result.status === "skip") {
          t.skip(result.reason);
          return;
        }
        assert.equal(result.status, "pass", result.status === "fail" ? `${result.category}\n${result.detail}` : "");
      });
    }
  });
});
