/** Dialects load by name, and no module loads a database driver before a connection needs it. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadDialect } from "../../src/dialects/load.js";
import { ALL_DIALECTS } from "../support/databases.js";

const DRIVERS = ["pg", "mysql2", "mysql2/promise", "better-sqlite3"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("loadDialect", () => {
  for (const name of ALL_DIALECTS) {
    it(`loads ${name}`, async () => {
      const dialect = await loadDialect(name);
      assert.equal(dialect.name, name);
      assert.equal(typeof dialect.connect, "function");
    });
  }

  it("leaves drivers to dynamic imports inside functions", () => {
    const staticImport = new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*from\\s+["'](${DRIVERS.join("|")})["']`, "m");
    const offenders = sourceFiles("src").filter((file) => staticImport.test(readFileSync(file, "utf8")));
    assert.deepEqual(offenders, []);
  });
});
