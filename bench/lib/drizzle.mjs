/**
 * `drizzle-kit pull` as a contender: a project folder with a drizzle.config.js pointing at the
 * database and the bench package's node_modules (drizzle-kit looks for drizzle-orm and the
 * driver from the folder it runs in, as in a real project). Each run starts with no `out`
 * folder, so every run introspects and writes the same files from scratch.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_MODULES, benchBin } from "./paths.mjs";
import { timeCommand } from "./timing.mjs";

/** The installed drizzle-kit version, for the report. */
export function drizzleKitVersion() {
  try {
    return JSON.parse(readFileSync(join(BENCH_MODULES, "drizzle-kit", "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/**
 * A run function for `drizzle-kit pull` on `url` (dialect "postgresql" or "mysql"), in a
 * folder made under `dir`. On MariaDB with CHECK constraints drizzle-kit exits 1 without a
 * message: its check-constraint query reads upper-case result keys that only MySQL returns.
 */
export function drizzlePull(dir, dialect, url) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `{ "type": "module" }\n`);
  writeFileSync(join(dir, "drizzle.config.js"), `export default ${JSON.stringify({ dialect, out: "./out", dbCredentials: { url } }, null, 2)};\n`);
  symlinkSync(BENCH_MODULES, join(dir, "node_modules"), "dir");
  return () => {
    rmSync(join(dir, "out"), { recursive: true, force: true });
    const start = process.hrtime.bigint();
    try {
      return timeCommand(benchBin("drizzle-kit"), ["pull"], { cwd: dir });
    } catch (err) {
      const seconds = (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
      const silent = !/Error|error:/.test(err.message);
      const known = dialect === "mysql" && silent ? ": its CHECK query wants upper-case keys MariaDB does not return (drizzle-orm#5550)" : "";
      throw new Error(`after ${seconds} s${silent ? ", with no error message" : ""}${known}\n${err.message}`);
    }
  };
}
