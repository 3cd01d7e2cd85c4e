/** Whole-process timings: `process.hrtime.bigint()` around `spawnSync`, and their summary. */
import { spawnSync } from "node:child_process";

/**
 * Runs a command to completion, stdout to /dev/null (as a script or CI would), stderr kept for
 * the error message. Returns the wall time in milliseconds; throws when the command fails.
 */
export function timeCommand(command, args, { cwd, env } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
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
  return ms;
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

/**
 * Measures `runs` times: `setup` (untimed, may return a context), `time(context)` which returns
 * milliseconds, and `teardown(context)` (untimed, always called). Returns the samples.
 */
export async function measure(runs, { setup = async () => undefined, time, teardown = async () => undefined }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await setup(i);
    try {
      samples.push(await time(context, i));
    } finally {
      await teardown(context, i);
    }
  }
  return samples;
}

/** Median, min and max of the samples, in milliseconds. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}
