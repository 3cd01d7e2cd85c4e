/**
 * Loads a user's TypeScript or JavaScript module (config, migrations, seeds) with jiti,
 * with `shale` aliased to this package so `import { defineConfig } from "shale"` works in
 * a folder where shale is not installed. jiti is imported only when a module is loaded.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The package entry: dist/index.js when built, src/index.ts when tests run from source. */
function packageEntry(): string {
  for (const candidate of ["./index.js", "./index.ts"]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return fileURLToPath(new URL("./index.js", import.meta.url));
}

let jitiPromise: Promise<import("jiti").Jiti> | undefined;

/** Imports a module file and returns its namespace (not its default export). */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  jitiPromise ??= import("jiti").then(({ createJiti }) =>
    createJiti(import.meta.url, { alias: { shale: packageEntry() }, moduleCache: false, fsCache: false, interopDefault: false }),
  );
  const jiti = await jitiPromise;
  return jiti.import<Record<string, unknown>>(path);
}
