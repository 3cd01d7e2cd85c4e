/** Whole-process timings: `process.hrtime.bigint()` around `spawnSync`, and their summary. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** GNU time, when installed: gives the CPU time of the command and its children. */
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const cpuDir = mkdtempSync(join(tmpdir(), "shale-bench-cpu-"));
process.on("exit", () => rmSync(cpuDir, { recursive: true, force: true }));

/**
 * Runs a command to completion, stdout to /dev/null (as a script or CI would), stderr kept for
 * the error message. Returns { ms: wall time, cpu: user+system CPU ms of the command and its
 * children, measured by wrapping the command in /usr/bin/time (about 1 ms more wall time);
 * undefined without /usr/bin/time or with `cpu: false` }. Throws when the command fails.
 */
export function timeCommand(command, args, { cwd, env, cpu: wantCpu = true } = {}) {
  const cpuFile = join(cpuDir, "cpu");
  const [cmd, argv] = GNU_TIME && wantCpu ? [GNU_TIME, ["-f", "%U %S", "-o", cpuFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, argv, {
    cwd,
    env: env ? { ...process.env, ...env } : process.env,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    const stderr = String(result.stderr ?? "").trim().split("\n").slice(-15).join("\n");
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}${cwd ? ` (in ${cwd})` : ""}:\n${stderr}`);
  }
  let cpu;
  if (GNU_TIME && wantCpu) {
    const [user, system] = readFileSync(cpuFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
    cpu = (user + system) * 1000;
  }
  return { ms, cpu };
}

/** Runs a command and returns its stdout (trimmed); throws when it fails. For set-up, not timed. */
export function capture(command, args, { cwd, env, input } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: env ? { ...process.env, ...env } : process.env,
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${(result.stderr || result.stdout).trim()}`);
  return result.stdout.trim();
}

/** Median, min and max of the samples, in milliseconds. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}
