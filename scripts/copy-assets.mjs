// Copies the non-TypeScript files that src/ ships (catalog queries in .sql files) into dist/.
import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith(".sql")) cpSync(path, join(dist, relative(src, path)));
  }
}
if (existsSync(dist)) walk(src);
