/**
 * A reference for `status`: the least work any status command must do, written plainly —
 * start Node, load the driver, read the history table, read and hash every migration file,
 * match them. Usage: node minimal-status.mjs <sqlite|postgres> <database file or URL> <folder>
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { BENCH_DIR, REPO_DIR } from "./paths.mjs";

const [dialect, target, folder] = process.argv.slice(2);
const SQL = "SELECT version, checksum, success FROM shale_history";

let rows;
if (dialect === "sqlite") {
  // shale's own driver, from shale's dependencies.
  const Database = createRequire(join(REPO_DIR, "package.json"))("better-sqlite3");
  const db = new Database(target, { readonly: true });
  rows = db.prepare(SQL).all();
  db.close();
} else {
  const pg = createRequire(join(BENCH_DIR, "package.json"))("pg");
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  rows = (await client.query(SQL)).rows;
  await client.end();
}
const applied = new Map(rows.map((r) => [r.version, r]));
let matched = 0;
for (const name of readdirSync(folder)) {
  const version = /^V(\d+)__/.exec(name)?.[1];
  const checksum = createHash("sha256").update(readFileSync(join(folder, name))).digest("hex");
  if (applied.get(version)?.checksum === checksum) matched++;
}
process.stdout.write(`${matched} of ${rows.length} applied migrations match their files\n`);
if (matched !== rows.length) process.exitCode = 1;
