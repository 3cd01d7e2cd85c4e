/** Markdown output: numbers, tables, machine information. */
import { cpus, totalmem, release, platform } from "node:os";
import { spawnSync } from "node:child_process";
import { postgresVersion } from "./pg.mjs";
import { summarize } from "./timing.mjs";

/** Milliseconds, readable: 12.3 ms, 845 ms, 3.21 s. */
export function ms(value) {
  if (value === undefined || Number.isNaN(value)) return "–";
  if (value < 100) return `${value.toFixed(1)} ms`;
  if (value < 1000) return `${value.toFixed(0)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** A ratio a / b as "1.23×". */
export function ratio(a, b) {
  if (!a || !b) return "–";
  return `${(a / b).toFixed(2)}×`;
}

/** A Markdown table; numbers right-aligned by passing `align` ("l" or "r" per column). */
export function table(headers, rows, align = headers.map((_, i) => (i === 0 ? "l" : "r"))) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
  const rule = `|${align.map((a) => (a === "r" ? "---:" : ":---")).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/**
 * The standard results table of a benchmark: one row per contender with median, min, max,
 * runs, `subject ÷ contender` (the subject's median over the contender's), and the median
 * CPU time of the process when it was measured.
 */
export function resultsTable(results, { subject, ratioHeader = `${subject} ÷ this` } = {}) {
  const subjectRun = results.find((r) => r.name === subject && r.samples?.length);
  const base = subjectRun ? summarize(subjectRun.samples).median : undefined;
  const withCpu = results.some((r) => r.cpu?.length);
  const rows = results.map((r) => {
    const cpu = withCpu ? [r.cpu?.length ? ms(summarize(r.cpu).median) : "–"] : [];
    if (r.error) return [r.label, "failed", "", "", "", "", ...(withCpu ? [""] : []), r.error.split("\n")[0].slice(0, 160)];
    const s = summarize(r.samples);
    return [r.label, ms(s.median), ms(s.min), ms(s.max), s.runs, r.name === subject ? "1.00×" : ratio(base, s.median), ...cpu, r.note ?? ""];
  });
  const headers = ["contender", "median", "min", "max", "runs", ratioHeader, ...(withCpu ? ["CPU (median)"] : []), "what it is"];
  return table(headers, rows, headers.map((_, i) => (i === 0 || i === headers.length - 1 ? "l" : "r")));
}

function firstLine(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim().split("\n").pop() : undefined;
}

/** Node, CPUs, memory, server versions: printed at the top of the results. */
export function machineInfo() {
  const cpu = cpus();
  const mariadb =
    firstLine("mariadb", ["-h", "127.0.0.1", "-u", "root", "-N", "-B", "-e", "SELECT VERSION()"]) ??
    firstLine("mysql", ["-h", "127.0.0.1", "-u", "root", "-N", "-B", "-e", "SELECT VERSION()"]);
  const load = firstLine("cat", ["/proc/loadavg"]);
  return [
    ["node", process.version],
    ["os", `${platform()} ${release()}`],
    ["CPUs", `${cpu.length} × ${cpu[0]?.model ?? "?"}`],
    ["memory", `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ["load average at start", load ? load.split(" ").slice(0, 3).join(" ") : "?"],
    ["PostgreSQL", postgresVersion() ?? "not reachable"],
    ["psql", firstLine("psql", ["--version"]) ?? "not found"],
    ["pg_dump", firstLine("pg_dump", ["--version"]) ?? "not found"],
    ["mysqldump", firstLine("mysqldump", ["--version"]) ?? "not found"],
    ["MariaDB", mariadb ?? "not reachable"],
  ];
}
