/**
 * A throw-away shale project folder for tests: migrations and seeds written as files,
 * and the library options that point at it and at a test database.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ShaleError } from "../../src/errors.js";
import { isShaleError } from "../../src/errors.js";
import assert from "node:assert/strict";

/** A project folder with helpers to write and remove files. */
export interface TestProject {
  readonly dir: string;
  /** Library options: this folder as cwd, the database URL as --url. */
  readonly options: { cwd: string; url: string };
  write(path: string, content: string | Buffer): void;
  remove(path: string): void;
  dispose(): void;
}

/** Creates a project folder with the given files (paths relative to it). */
export function createProject(url: string, files: Record<string, string> = {}): TestProject {
  const dir = mkdtempSync(join(tmpdir(), "shale-p-"));
  mkdirSync(join(dir, "db/migrations"), { recursive: true });
  const project: TestProject = {
    dir,
    options: { cwd: dir, url },
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    remove(path) {
      rmSync(join(dir, path), { force: true });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) project.write(path, content);
  return project;
}

/** Awaits `promise`, requires it to reject with a ShaleError of `code`, and returns the error. */
export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<ShaleError> {
  try {
    await promise;
  } catch (err) {
    if (!isShaleError(err)) throw err;
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    assert.ok(err.hint, `${code} has a hint`);
    return err;
  }
  assert.fail(`expected a ShaleError ${code}, but it succeeded`);
}
