/**
 * ARCHITECTURE.md's import rules, checked on the source: the core never touches a dialect,
 * dialects never touch each other, nothing imports the CLI, drivers load only on demand.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const src = fileURLToPath(new URL("../src", import.meta.url));
const DIALECTS = ["postgres", "mysql", "sqlite"];
const DRIVERS = ["pg", "mysql2", "mysql2/promise", "better-sqlite3", "jiti", "zod"];

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(src)) {
    const text = readFileSync(file, "utf8");
    const from = relative(src, file);
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^"';]*?from\s+"([^"]+)"/gm)) {
      out.push({ from, to: target(file, m[3]!), dynamic: false, typeOnly: Boolean(m[2]) });
    }
    for (const m of text.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) out.push({ from, to: target(file, m[1]!), dynamic: true, typeOnly: false });
  }
  return out;
}

function target(file: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  return relative(src, resolve(dirname(file), spec)).replace(/\.js$/, ".ts");
}

const all = edges();
const top = (path: string): string => path.split("/")[0]!;
const isLocal = (e: Edge): boolean => e.to.endsWith(".ts");

test("the scan sees the code base", () => {
  assert.ok(all.length > 100, `only ${all.length} imports found`);
});

test("nothing imports the CLI", () => {
  const bad = all.filter((e) => isLocal(e) && top(e.to) === "cli" && top(e.from) !== "cli");
  assert.deepEqual(bad, []);
});

test("a dialect imports no other dialect, and nothing of migrate, api, config or cli", () => {
  const bad = all.filter((e) => {
    // load.ts is where a dialect is picked at run time, by dynamic import.
    if (!isLocal(e) || top(e.from) !== "dialects" || (e.from === "dialects/load.ts" && e.dynamic)) return false;
    const own = e.from.split("/")[1];
    const [head, sub] = e.to.split("/");
    if (["migrate", "api", "config", "cli", "index.ts"].includes(head!)) return true;
    return head === "dialects" && DIALECTS.includes(sub!) && sub !== own;
  });
  assert.deepEqual(bad, []);
});

test("migrate reaches dialects only through dialects/dialect.ts", () => {
  const bad = all.filter(
    (e) => isLocal(e) && top(e.from) === "migrate" && (["api", "config", "cli"].includes(top(e.to)) || (top(e.to) === "dialects" && !["dialects/dialect.ts", "dialects/url.ts"].includes(e.to))),
  );
  assert.deepEqual(bad, []);
});

test("config imports only errors and the URL parser", () => {
  const bad = all.filter((e) => isLocal(e) && top(e.from) === "config" && !["config", "errors.ts"].includes(top(e.to)) && e.to !== "dialects/url.ts");
  assert.deepEqual(bad, []);
});

test("the CLI uses the public operations (api/) and a few leaf modules, never internals", () => {
  // Commands import their own operation rather than the index barrel: loading all thirteen
  // operations cost a measurable share of `shale status` on 5,000 migrations.
  const allowed = new Set(["index.ts", "errors.ts", "dialects/url.ts"]);
  const bad = all.filter((e) => isLocal(e) && top(e.from) === "cli" && top(e.to) !== "cli" && top(e.to) !== "api" && !allowed.has(e.to));
  assert.deepEqual(bad, []);
});

test("drivers, jiti and zod are loaded on demand only (fast --help, no pg for SQLite users)", () => {
  const bad = all.filter((e) => DRIVERS.includes(e.to) && !e.dynamic && !e.typeOnly);
  assert.deepEqual(bad, []);
});

test("each concrete driver is imported only by its own dialect", () => {
  const owner: Record<string, string> = { pg: "postgres", mysql2: "mysql", "mysql2/promise": "mysql", "better-sqlite3": "sqlite" };
  const bad = all.filter((e) => e.to in owner && !e.from.startsWith(`dialects/${owner[e.to]}/`));
  assert.deepEqual(bad, []);
});

test("the IR (schema/) imports nothing outside itself; diff/ and plan/ only schema, diff, plan and errors", () => {
  const allowed: Record<string, string[]> = { schema: ["schema"], diff: ["schema", "diff", "plan", "errors.ts"], plan: ["schema", "diff", "plan", "errors.ts"] };
  const bad = all.filter((e) => top(e.from) in allowed && !(isLocal(e) && allowed[top(e.from)]!.includes(top(e.to))));
  assert.deepEqual(bad, []);
  assert.ok(all.some((e) => top(e.from) === "plan" && top(e.to) === "diff"), "the rule sees plan/'s imports");
});
