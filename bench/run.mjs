#!/usr/bin/env node
/**
 * `npm run bench`: installs the bench package's own dependencies (the peers) when missing,
 * builds shale when dist/ is missing or older than src/, runs every benchmark (or those named:
 * `npm run bench -- apply inspect diff-10k`), prints one Markdown report and writes it to
 * bench/RESULTS.md. Progress goes to stderr, the report to stdout.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_DIR, REPO_DIR, SHALE_CLI } from "./lib/paths.mjs";
import { leftoverMysqlDatabases } from "./lib/mysql.mjs";
import { leftoverDatabases } from "./lib/pg.mjs";
import { renderSection } from "./lib/render.mjs";
import { machineInfo, table } from "./lib/report.mjs";

const BENCHMARKS = {
  apply: "./apply-500.mjs",
  status: "./status-5000.mjs",
  help: "./help.mjs",
  inspect: "./inspect-1000.mjs",
  "diff-memory": "./diff-memory.mjs",
  "diff-10k": "./diff-10k.mjs",
};

const log = (line) => process.stderr.write(`${line}\n`);

function sh(command, args) {
  log(`$ ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { cwd: REPO_DIR, stdio: ["ignore", process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
}

/** The peers live in bench/node_modules, never in shale's dependencies. */
function ensureBenchDependencies() {
  const modules = join(BENCH_DIR, "node_modules");
  const lock = join(BENCH_DIR, "package-lock.json");
  const installed = join(modules, ".package-lock.json");
  if (!existsSync(lock)) return sh("npm", ["install", "--prefix", "bench", "--no-audit", "--no-fund"]);
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) sh("npm", ["ci", "--prefix", "bench", "--no-audit", "--no-fund"]);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Benchmarks measure dist/, so it must be the build of the current src/. */
function ensureBuilt() {
  if (!existsSync(SHALE_CLI) || statSync(SHALE_CLI).mtimeMs < newestMtime(join(REPO_DIR, "src"))) sh("npm", ["run", "build"]);
}

const names = process.argv.slice(2);
for (const n of names) {
  if (!(n in BENCHMARKS)) {
    log(`unknown benchmark "${n}"; known: ${Object.keys(BENCHMARKS).join(", ")}`);
    process.exit(2);
  }
}
const selected = names.length ? names : Object.keys(BENCHMARKS);

ensureBenchDependencies();
ensureBuilt();

const started = Date.now();
const info = machineInfo();
const sections = [];
let failed = false;
for (const name of selected) {
  const t0 = Date.now();
  try {
    const mod = await import(BENCHMARKS[name]);
    sections.push(await mod.run({ log }));
  } catch (err) {
    failed = true;
    log(`benchmark ${name} failed: ${err.stack ?? err}`);
    sections.push({ title: name, intro: `**The benchmark failed:** ${String(err.message ?? err)}`, table: "", goals: [], notes: [] });
  }
  log(`${name} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const leftovers = [...leftoverDatabases(), ...(leftoverMysqlDatabases() ?? []).map((name) => `${name} (MariaDB)`)];
const load = readLoad();
const goals = sections.flatMap((s) => s.goals ?? []);
const report = [
  "# shale benchmarks",
  "",
  `Run on ${new Date(started).toISOString().slice(0, 16).replace("T", " ")} UTC with \`npm run bench\`; took ${((Date.now() - started) / 1000).toFixed(0)} s. ` +
    "Times are whole-process wall times (`process.hrtime.bigint()` around `spawnSync`), stdout to /dev/null. " +
    "`X ÷ this` is X's median divided by that row's median: below 1 means X is faster. " +
    "CPU is the user+system time of the measured process and its children (not the database server's).",
  "",
  table(["machine", ""], [...info, ["load average at end", load]], ["l", "l"]),
  "",
  "## Goals",
  "",
  table(["goal", "measured", "met"], goals.map((g) => [g.goal, g.measured, g.met ? "yes" : "**NO**"]), ["l", "l", "l"]),
  "",
  ...sections.map((s) => `${renderSection(s, { goals: false })}\n`),
  `Scratch databases left behind: ${leftovers.length ? leftovers.join(", ") : "none"}.`,
  "",
].join("\n");

process.stdout.write(report);
writeFileSync(join(BENCH_DIR, "RESULTS.md"), report);
log(`written to bench/RESULTS.md`);
if (failed || leftovers.length) process.exitCode = 1;

function readLoad() {
  try {
    return spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout.split(" ").slice(0, 3).join(" ");
  } catch {
    return "?";
  }
}
