/** Temp project folders and process.env isolation for the config tests. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach } from "node:test";
import { ShaleError, type ErrorCode } from "../../src/errors.js";

/** Variables the config code reads; cleared before each test so the outer shell cannot leak in. */
const READ_BY_CONFIG = ["DATABASE_URL", "SHALE_ENV"];

/** Restores process.env after each test of the calling file, and starts each from a clean slate. */
export function isolateEnv(): void {
  let saved: NodeJS.ProcessEnv = {};
  beforeEach(() => {
    saved = { ...process.env };
    for (const name of READ_BY_CONFIG) delete process.env[name];
  });
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });
}

/** A fresh folder under the OS temp dir holding `files` (paths relative to it). */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "shale-config-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  created.push(dir);
  return dir;
}

const created: string[] = [];
process.on("exit", () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Awaits `run`, requires a ShaleError with `code`, and returns it. */
export async function rejectsWith(run: () => unknown, code: ErrorCode): Promise<ShaleError> {
  try {
    await run();
  } catch (err) {
    assert.ok(err instanceof ShaleError, `expected a ShaleError, got ${String(err)}`);
    assert.equal(err.code, code, `${err.code}: ${err.message}`);
    return err;
  }
  assert.fail(`expected ${code}, nothing was thrown`);
}

/** Requires that `secret` appears nowhere a person or a script could see it. */
export function assertNoSecret(err: ShaleError, secret: string): void {
  for (const text of [err.message, err.hint ?? "", JSON.stringify(err.toJSON()), String(err.stack), String(err.cause ?? "")]) {
    assert.ok(!text.includes(secret), `secret leaked: ${text}`);
  }
}
