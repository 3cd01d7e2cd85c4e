/**
 * `npm run corpus`: runs the sqldef corpus against the live servers and prints pass/fail/skip
 * per file and per dialect. Exit status 0 unless --min-rate is given and not met, or a
 * server is unreachable while CI=true.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadDialect } from "../../src/dialects/load.js";
import type { DialectName } from "../../src/dialects/dialect.js";
import { formatMarkdown, formatText } from "./format.js";
import { loadCorpus, type CorpusCase } from "./loader.js";
import { messageOf } from "./load-sql.js";
import { percent, tally, type CaseRecord, type RunContext } from "./report.js";
import { runCase } from "./run.js";
import type { ServerInfo } from "./select.js";
import { PostgresPool } from "./pg-pool.js";
import { probeServer } from "./servers.js";
import { PrefetchSource, sourceFor } from "./sources.js";

const USAGE = `usage: npm run corpus -- [options]
  --dialect D      postgres, mysql or sqlite (repeatable or comma-separated; default: all)
  --file F         only files whose corpus path contains F (repeatable)
  --case NAME      only the case with this name (repeatable)
  --jobs N         cases run at once (default 2)
  --report FILE    write the summary as Markdown to FILE
  --json FILE      write every case's result as JSON to FILE
  --min-rate X     exit 1 when a dialect's pass rate is below X (0.85, 85 or 85%)
  --timeout S      seconds before a case fails as "timeout" (default 60)
  --fresh          a new database for every case on PostgreSQL too (slower; checks the pool)
  --verbose        print each failing case as it finishes`;

const ALL: readonly DialectName[] = ["postgres", "mysql", "sqlite"];

interface CliOptions {
  dialects: DialectName[];
  files: string[];
  cases: string[];
  jobs: number;
  report?: string;
  json?: string;
  minRate?: number;
  timeoutMs: number;
  fresh: boolean;
  verbose: boolean;
}

/** Parses the command line; throws with the usage on bad input. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dialect: { type: "string", multiple: true },
      file: { type: "string", multiple: true },
      case: { type: "string", multiple: true },
      jobs: { type: "string" },
      report: { type: "string" },
      json: { type: "string" },
      "min-rate": { type: "string" },
      timeout: { type: "string" },
      fresh: { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new Error(USAGE);
  const dialects = (values.dialect ?? []).flatMap((d) => d.split(",")).map((d) => d.trim());
  for (const d of dialects) if (!(ALL as readonly string[]).includes(d)) throw new Error(`unknown dialect "${d}"\n${USAGE}`);
  return {
    dialects: dialects.length > 0 ? ALL.filter((d) => dialects.includes(d)) : [...ALL],
    files: values.file ?? [],
    cases: values.case ?? [],
    jobs: positive(values.jobs ?? "2", "--jobs"),
    ...(values.report ? { report: values.report } : {}),
    ...(values.json ? { json: values.json } : {}),
    ...(values["min-rate"] !== undefined ? { minRate: rate(values["min-rate"]) } : {}),
    timeoutMs: positive(values.timeout ?? "60", "--timeout") * 1000,
    fresh: values.fresh ?? false,
    verbose: values.verbose ?? false,
  };
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} wants a positive whole number, not "${text}"`);
  return n;
}

/** "0.85", "85" and "85%" all mean 85 %. */
function rate(text: string): number {
  const n = Number(text.replace(/%$/, ""));
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new Error(`--min-rate wants a rate such as 0.85 or 85%, not "${text}"`);
  return text.endsWith("%") || n > 1 ? n / 100 : n;
}

/** The cases of a dialect that the --file and --case filters keep. */
function chosenCases(dialect: DialectName, options: CliOptions): CorpusCase[] {
  return loadCorpus(dialect).filter(
    (c) => (options.files.length === 0 || options.files.some((f) => c.file.includes(f))) && (options.cases.length === 0 || options.cases.includes(c.name)),
  );
}

/** Runs `work` over the items with at most `jobs` at once; stops taking new items once `stopped()` says so. */
async function pool<T>(items: readonly T[], jobs: number, stopped: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stopped()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

/** Runs the corpus as the command line asks; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (err) {
    console.error(messageOf(err));
    return argv.includes("--help") ? 0 : 2;
  }
  let interrupted = false;
  // The first Ctrl-C lets running cases finish and drop their databases; a second one quits.
  process.on("SIGINT", () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error("\ninterrupted: finishing the running cases, then dropping their databases");
  });
  const servers = new Map<DialectName, ServerInfo | { problem: string }>();
  const records: CaseRecord[] = [];
  let status = 0;
  for (const dialect of options.dialects) {
    const cases = chosenCases(dialect, options);
    if (cases.length === 0) continue;
    let server: ServerInfo;
    try {
      server = await probeServer(dialect);
    } catch (err) {
      servers.set(dialect, { problem: messageOf(err) });
      if (process.env.CI === "true") status = 1;
      continue;
    }
    servers.set(dialect, server);
    await runDialect(dialect, server, cases, options, records, () => interrupted);
  }
  const context: RunContext = { servers };
  console.log(formatText(records, context));
  if (options.report) writeFileSync(options.report, formatMarkdown(records, context));
  if (options.json) writeFileSync(options.json, `${JSON.stringify(records, null, 2)}\n`);
  for (const [dialect, server] of servers) if ("problem" in server) console.error(`${dialect}: server unreachable${process.env.CI === "true" ? " (a failure with CI=true)" : ", skipped"}: ${server.problem}`);
  if (options.minRate !== undefined && !meetsRate(records, options.minRate)) status = 1;
  return interrupted ? 130 : status;
}

async function runDialect(dialect: DialectName, server: ServerInfo, cases: CorpusCase[], options: CliOptions, records: CaseRecord[], stopped: () => boolean): Promise<void> {
  const engine = await loadDialect(dialect);
  const databases = options.fresh ? new PrefetchSource(engine, options.jobs * 2) : sourceFor(engine, options.jobs);
  let done = 0;
  const started = Date.now();
  await pool(cases, options.jobs, stopped, async (c) => {
    const result = await runCase(c, engine, server, { timeoutMs: options.timeoutMs, databases });
    records.push({ dialect, file: c.file, name: c.name, result });
    done++;
    if (options.verbose && result.status === "fail") console.error(`FAIL ${dialect} ${c.file} ${c.name}: ${result.category}\n     ${result.detail}`);
    if (done % 100 === 0 || done === cases.length) console.error(`${dialect}: ${done}/${cases.length} cases (${Math.round((Date.now() - started) / 1000)} s)`);
  });
  for (const problem of await databases.close()) console.error(`${dialect}: ${problem}`);
  if (databases instanceof PostgresPool && databases.discarded > 0) console.error(`${dialect}: ${databases.discarded} database(s) not reusable after a case, made anew`);
  records.sort((x, y) => x.dialect.localeCompare(y.dialect) || x.file.localeCompare(y.file) || x.name.localeCompare(y.name));
}

function meetsRate(records: readonly CaseRecord[], min: number): boolean {
  let ok = true;
  for (const dialect of ALL) {
    const t = tally(records.filter((r) => r.dialect === dialect));
    if (t.rate !== undefined && t.rate < min) {
      console.error(`${dialect}: pass rate ${percent(t.rate)} is below --min-rate ${percent(min)}`);
      ok = false;
    }
  }
  return ok;
}
