/** Where things are: the repository, shale's CLI, the bench package's tools, scratch folders. */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = dirname(BENCH_DIR);
export const SHALE_CLI = join(REPO_DIR, "dist", "cli", "main.js");
export const BENCH_MODULES = join(BENCH_DIR, "node_modules");

/** An executable installed by the bench package (`node_modules/.bin/<name>`). */
export const benchBin = (name) => join(BENCH_MODULES, ".bin", name);

/** Resolves a module path from the bench package, or from shale's own package with `from: "repo"`. */
export function resolveModule(specifier, { from = "bench" } = {}) {
  const base = from === "repo" ? join(REPO_DIR, "package.json") : join(BENCH_DIR, "package.json");
  return createRequire(base).resolve(specifier);
}

/** dbmate's native binary, as its npm package ships it (the `dbmate` bin is a Node wrapper around it). */
export function dbmateBinary() {
  const ext = process.platform === "win32" ? ".exe" : "";
  return resolveModule(`@dbmate/${process.platform}-${process.arch}/bin/dbmate${ext}`);
}

/** A fresh scratch folder, removed by the returned function. */
export function scratchDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `shale-bench-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
