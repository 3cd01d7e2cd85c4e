/**
 * In-process timings of shale's schema engine, from dist/, in a child process of its own so
 * the benchmark runner's heap and JIT state do not colour them. Prints one JSON document.
 *
 *   node schema-timings.mjs inspect <url> <runs>         inspectSchema, `runs` times on one connection
 *   node schema-timings.mjs diff <from-url> <to-url> <runs>  inspect each once, then diffSchemas `runs` times
 *
 * Every sample is `process.hrtime.bigint()` around one awaited call; the first call (cold
 * code, lazy compilation) is kept apart from the samples as `first`.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_DIR } from "./paths.mjs";

const dist = (path) => import(pathToFileURL(join(REPO_DIR, "dist", path)).href);
const { inspectSchema, diffSchemas } = await dist("api/schema-diff.js");
const { loadDialect } = await dist("dialects/load.js");
const { parseDatabaseUrl } = await dist("dialects/url.js");

/** The same exclusions `shale pull` and `shale diff` pass. */
const INSPECT = { excludeTables: ["shale_history", "shale_lock"] };

async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function open(raw) {
  const url = parseDatabaseUrl(raw);
  const dialect = await loadDialect(url.dialect);
  return { dialect, conn: await dialect.connect(url) };
}

const counts = (schema) => ({
  tables: schema.tables.length,
  columns: schema.tables.reduce((n, t) => n + t.columns.length, 0),
  indexes: schema.tables.reduce((n, t) => n + t.indexes.length, 0),
  foreignKeys: schema.tables.reduce((n, t) => n + t.foreignKeys.length, 0),
  views: schema.views.length,
  enums: schema.enums.length,
});

/** How many times each value occurs, sorted by value. */
function tally(values) {
  const map = new Map();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function inspect(url, runs) {
  const { dialect, conn } = await open(url);
  try {
    const first = await timed(() => inspectSchema(dialect, conn, INSPECT));
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push((await timed(() => inspectSchema(dialect, conn, INSPECT))).ms);
    return { first: first.ms, samples, schema: counts(first.value) };
  } finally {
    await conn.close();
  }
}

async function diff(fromUrl, toUrl, runs) {
  const read = async (url) => {
    const { dialect, conn } = await open(url);
    try {
      return { dialect, ...(await timed(() => inspectSchema(dialect, conn, INSPECT))) };
    } finally {
      await conn.close();
    }
  };
  const from = await read(fromUrl);
  const to = await read(toUrl);
  const dialect = from.dialect;
  const same = diffSchemas(dialect, from.value, from.value);
  if (same.changes.length > 0) throw new Error(`diff(from, from) is not empty: ${same.changes.length} changes, the first ${JSON.stringify(same.changes[0])}`);
  const first = await timed(() => diffSchemas(dialect, from.value, to.value));
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(() => diffSchemas(dialect, from.value, to.value))).ms);
  const copy = structuredClone(from.value);
  const identical = [];
  for (let i = 0; i < runs; i++) identical.push((await timed(() => diffSchemas(dialect, from.value, copy))).ms);
  const result = first.value;
  return {
    inspect: { from: from.ms, to: to.ms },
    from: counts(from.value),
    to: counts(to.value),
    first: first.ms,
    samples,
    identical,
    changes: result.changes.length,
    kinds: tally(result.changes.map((c) => c.kind)),
    steps: result.plan.steps.length,
    statements: result.statements.length,
    destructive: result.statements.filter((s) => s.destructive).length,
  };
}

const [mode, ...args] = process.argv.slice(2);
const out = mode === "inspect" ? await inspect(args[0], Number(args[1] ?? 5)) : mode === "diff" ? await diff(args[0], args[1], Number(args[2] ?? 20)) : undefined;
if (!out) {
  process.stderr.write("usage: schema-timings.mjs inspect <url> <runs> | diff <from-url> <to-url> <runs>\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
