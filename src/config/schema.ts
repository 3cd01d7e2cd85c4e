/**
 * Validation of what a config file exports. The zod schema is built on first use so that
 * importing this module costs nothing at CLI start-up; every problem found is reported at
 * once, by key path, with what was expected and what was found, and never a password.
 */
import type { z } from "zod";
import { redactUrl } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import type { ShaleConfig } from "./define-config.js";

/** Context and environment names: they become folder names, table suffixes and `env:NAME`. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

const DIALECT_HINT = 'dialect is "postgres", "mysql" (also for MariaDB) or "sqlite"; leave it out to take it from the URL';

type Level = "top" | "context" | "environment" | "environmentContext";

/** Where each level sits, as a user would write it in a message. */
const LEVEL_PATH: Record<Level, string> = {
  top: "the top level",
  context: "contexts.<name>",
  environment: "environments.<name>",
  environmentContext: "environments.<name>.contexts.<context>",
};

interface Schemas {
  root: z.ZodType<ShaleConfig>;
  keys: Record<Level, string[]>;
}

let schemas: Promise<Schemas> | undefined;

async function buildSchemas(): Promise<Schemas> {
  const { z } = await import("zod");
  const text = z.string().min(1);
  const names = (what: string) =>
    z.string().regex(NAME, { error: `not a valid ${what} name (use letters, digits, _ and -)` });
  const hasEntries = (r: object) => Object.keys(r).length > 0;
  const context = z.strictObject({
    migrations: text.optional(),
    seeds: text.optional(),
    schema: text.optional(),
    historyTable: text.optional(),
    schemas: z.array(text).min(1).optional(),
  });
  const environmentContext = z.strictObject({ url: z.string().optional() });
  const environment = z.strictObject({
    url: z.string().optional(),
    protected: z.boolean().optional(),
    contexts: z.record(names("context"), environmentContext).optional(),
  });
  const root = z.strictObject({
    dialect: z.enum(["postgres", "mysql", "sqlite"]).optional(),
    historyTable: text.optional(),
    lockTimeout: z.number().nonnegative().optional(),
    devUrl: z.string().optional(),
    contexts: z.record(names("context"), context).refine(hasEntries, { error: "expected at least one context" }).optional(),
    environments: z.record(names("environment"), environment).refine(hasEntries, { error: "expected at least one environment" }).optional(),
  });
  return {
    root,
    keys: {
      top: Object.keys(root.shape),
      context: Object.keys(context.shape),
      environment: Object.keys(environment.shape),
      environmentContext: Object.keys(environmentContext.shape),
    },
  };
}

/** One thing wrong in a config, at a key path. */
interface Problem {
  path: string;
  message: string;
  hint?: string;
}

/** Validates what a config file exported; throws SHALE_E_CONFIG listing every problem. */
export async function validateConfig(value: unknown, file: string): Promise<ShaleConfig> {
  if (value === undefined) {
    throw new ShaleError("SHALE_E_CONFIG", `The config file ${file} has no default export`, {
      file,
      hint: 'Write: import { defineConfig } from "shale"; export default defineConfig({ ... })',
    });
  }
  schemas ??= buildSchemas();
  const { root, keys } = await schemas;
  const result = root.safeParse(value, { reportInput: true });
  const problems = [...(result.success ? [] : result.error.issues.flatMap((i) => explain(i, keys))), ...unknownContextRefs(value)];
  if (problems.length === 0 && result.success) return result.data;
  const lines = problems.map((p) => `${p.path}: ${p.message}`);
  const message =
    lines.length === 1
      ? `Invalid configuration in ${file}: ${lines[0]}`
      : `Invalid configuration in ${file} (${lines.length} problems):\n${lines.map((l) => `  - ${l}`).join("\n")}`;
  throw new ShaleError("SHALE_E_CONFIG", redactUrl(message), {
    file,
    hint: redactUrl(
      problems.find((p) => p.hint)?.hint ??
        `Fix the keys listed in ${file}; with defineConfig from "shale", an editor flags these as you type`,
    ),
  });
}

/** Turns one zod issue into problems a person can act on. */
function explain(issue: z.core.$ZodIssue, keys: Record<Level, string[]>): Problem[] {
  const path = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => unknownKey(issue.path, key, keys));
    case "invalid_type":
      return [{ path, message: `expected ${issue.expected === "record" ? "object" : issue.expected}, got ${describe(input)}` }];
    case "invalid_value": {
      const expected = issue.values.map((v) => JSON.stringify(v)).join(", ");
      const message = `expected one of ${expected}, got ${describe(input)}${didYouMean(String(input), issue.values.map(String))}`;
      return [{ path, message, ...(path === "dialect" ? { hint: DIALECT_HINT } : {}) }];
    }
    case "too_small":
      return [{ path, message: `${tooSmall(issue.origin, issue.minimum)}, got ${describe(input)}` }];
    case "invalid_key": {
      const parent = issue.path.slice(0, -1);
      const reason = issue.issues[0]?.message ?? "not a valid name";
      return [{ path: formatPath(parent), message: `${JSON.stringify(String(input))} is ${reason}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

function tooSmall(origin: string, minimum: unknown): string {
  if (origin === "string") return "expected a non-empty string";
  if (origin === "array") return `expected at least ${String(minimum)} item`;
  return `expected a number >= ${String(minimum)}`;
}

function unknownKey(parent: readonly PropertyKey[], key: string, keys: Record<Level, string[]>): Problem {
  const level = levelOf(parent);
  const path = formatPath([...parent, key]);
  const known = level ? keys[level] : [];
  const hint = `Known keys in ${level ? LEVEL_PATH[level] : formatPath(parent)}: ${known.join(", ")}`;
  const close = didYouMean(key, known);
  if (close) return { path, message: `unknown key${close}`, hint };
  const home = (Object.keys(keys) as Level[]).find((l) => l !== level && keys[l].includes(key));
  if (home) return { path, message: `unknown key here; ${key} belongs in ${LEVEL_PATH[home]}`, hint };
  return { path, message: "unknown key", hint };
}

/** Which object of the config a key path points into. */
function levelOf(path: readonly PropertyKey[]): Level | undefined {
  const [first, , third] = path;
  if (path.length === 0) return "top";
  if (path.length === 2 && first === "contexts") return "context";
  if (path.length === 2 && first === "environments") return "environment";
  if (path.length === 4 && first === "environments" && third === "contexts") return "environmentContext";
  return undefined;
}

/** A per-environment context URL must name a context the config defines. */
function unknownContextRefs(value: unknown): Problem[] {
  if (!isRecord(value) || !isRecord(value.environments)) return [];
  const defined = isRecord(value.contexts) ? Object.keys(value.contexts) : ["main"];
  const problems: Problem[] = [];
  for (const [envName, env] of Object.entries(value.environments)) {
    if (!isRecord(env) || !isRecord(env.contexts)) continue;
    for (const name of Object.keys(env.contexts)) {
      if (defined.includes(name) || !NAME.test(name)) continue;
      problems.push({
        path: formatPath(["environments", envName, "contexts", name]),
        message: `no context named ${JSON.stringify(name)}${didYouMean(name, defined)}`,
        hint: `Contexts defined: ${defined.join(", ")}`,
      });
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `environments.prod.url`, `contexts["my ctx"]`, `contexts.main.schemas[0]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string" && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out || "(the exported value)";
}

/** A value as a message shows it: its type, and for a scalar the value, shortened and redacted. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "empty array" : "array";
  if (typeof value === "string") {
    const text = redactUrl(value);
    return `string ${JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text)}`;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `${typeof value} ${String(value)}`;
  }
  return typeof value;
}

/** ` (did you mean "x"?)` when one known name is close to `name`, else the empty string. */
export function didYouMean(name: string, known: readonly string[]): string {
  const close = closestName(name, known);
  return close === undefined ? "" : ` (did you mean ${JSON.stringify(close)}?)`;
}

/** The known name nearest to `name` by edit distance, when near enough to be a typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance counting a swap of two neighbours as one edit (typos are mostly swaps). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
