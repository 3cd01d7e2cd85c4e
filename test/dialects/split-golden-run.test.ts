/**
 * Every golden file of the PostgreSQL and MySQL splitters, run statement by statement on a
 * fresh database of the real server: the splitter's cuts are ones the server accepts.
 * (The SQLite golden files are run in split.test.ts.)
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import type { DialectName } from "../../src/dialects/dialect.js";
import { loadDialect } from "../../src/dialects/load.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";

const golden = fileURLToPath(new URL("../golden/split/", import.meta.url));

describeEachDialect("golden split files run on the server", (dialect: DialectName) => {
  if (dialect === "sqlite") return;
  const fx = useDatabaseProject(dialect);
  const folder = join(golden, dialect);
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".sql")).sort()) {
    it(name, async () => {
      const d = await loadDialect(dialect);
      const statements = d.split(readFileSync(join(folder, name), "utf8"), name);
      for (const s of statements) {
        await assert.doesNotReject(fx.conn.exec(s.sql), `${name}:${s.line} was rejected by the server`);
      }
    });
  }
});
