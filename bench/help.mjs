/**
 * Benchmark 3: `shale --help`, whole process, next to a bare Node start-up.
 * Run alone with `node bench/help.mjs`.
 */
import { pathToFileURL } from "node:url";
import { compare } from "./lib/compare.mjs";
import { SHALE_CLI } from "./lib/paths.mjs";
import { ms, resultsTable } from "./lib/report.mjs";
import { summarize, timeCommand } from "./lib/timing.mjs";

export const title = "`shale --help`";

const GOAL_MS = 150;

export async function run({ runs = Number(process.env.BENCH_HELP_RUNS ?? 20), log = (line) => console.error(line) } = {}) {
  // Plain spawnSync timing here (no /usr/bin/time wrapper): the numbers are small.
  const time = (args) => () => timeCommand("node", args, { cpu: false });
  const contenders = [
    { name: "node", label: 'node -e "" (floor)', note: "bare Node start-up and exit", run: time(["-e", ""]) },
    { name: "help", label: "**shale --help**", note: "`node dist/cli/main.js --help`, output to /dev/null", run: time([SHALE_CLI, "--help"]) },
    { name: "version", label: "shale --version", note: "information", run: time([SHALE_CLI, "--version"]) },
    { name: "migrate-help", label: "shale migrate --help", note: "information: a command's help", run: time([SHALE_CLI, "migrate", "--help"]) },
  ];
  log(`${title}: ${contenders.length} contenders × ${runs} runs`);
  const results = await compare(contenders, { rounds: runs, log: () => {} });
  const help = results.find((r) => r.name === "help");
  const node = results.find((r) => r.name === "node");
  const m = help && !help.error ? summarize(help.samples) : undefined;
  const floor = node && !node.error ? summarize(node.samples) : undefined;
  return {
    title,
    intro: `Whole-process wall time, ${runs} runs each, interleaved.`,
    table: resultsTable(results, { subject: "help", ratioHeader: "shale --help ÷ this" }),
    goals: [
      {
        goal: `shale --help under ${GOAL_MS} ms`,
        measured: m ? `${ms(m.median)} median (${floor ? `${ms(m.median - floor.median)} above bare Node` : ""})` : "not measured",
        met: m !== undefined && m.median < GOAL_MS,
      },
    ],
    notes: results.filter((r) => r.error).map((r) => `${r.label} failed: ${r.error}`),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { printSection } = await import("./lib/render.mjs");
  printSection(await run());
}
