/**
 * Eight `shale migrate` processes started at once on one database: the run lock must let
 * each migration be applied exactly once, and every process must exit 0.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeEach, it } from "node:test";
import type { DialectName } from "../../src/dialects/dialect.js";
import { historyRows } from "../support/catalog.js";
import { describeEachDialect } from "../support/databases.js";
import { useDatabaseProject } from "../support/fixture.js";

const cli = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const PROCESSES = 8;
const MIGRATIONS = 12;

function runMigrate(cwd: string, url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.SHALE_ENV;
    const child = spawn(process.execPath, [cli, "migrate", "--url", url, "--json"], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describeEachDialect("concurrent migrate", (dialect: DialectName) => {
  const fx = useDatabaseProject(dialect);

  beforeEach(async () => {
    // Each migration creates a table without IF NOT EXISTS, so running one twice would fail.
    for (let i = 1; i <= MIGRATIONS; i++) {
      fx.project.write(`db/migrations/V${i}__table_${i}.sql`, `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, v VARCHAR(20));\nINSERT INTO t${i} (id, v) VALUES (1, 'once');\n`);
    }
  });

  it(`${PROCESSES} processes apply each migration exactly once and all exit 0`, async () => {
    const results = await Promise.all(Array.from({ length: PROCESSES }, () => runMigrate(fx.project.dir, fx.db.url)));
    for (const r of results) assert.equal(r.code, 0, `a process failed: ${r.stderr}${r.stdout}`);
    const applied = results.map((r) => (JSON.parse(r.stdout) as { applied: unknown[] }).applied.length);
    assert.equal(applied.reduce((a, b) => a + b, 0), MIGRATIONS, `applied counts per process: ${applied.join(", ")}`);
    const rows = await historyRows(fx.conn);
    assert.deepEqual(
      rows.map((r) => String(r.version)),
      Array.from({ length: MIGRATIONS }, (_, i) => String(i + 1)),
    );
    for (let i = 1; i <= MIGRATIONS; i++) {
      const count = await fx.conn.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM t${i}`);
      assert.equal(Number(count[0]!.n), 1);
    }
  });
});
