/**
 * The `.env` file next to the config: read before the config is evaluated, so that
 * `process.env.X` in the config sees it. Variables already set win, as with dotenv.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { redactUrl } from "../dialects/url.js";
import { ShaleError } from "../errors.js";

/** What reading `.env` did: the file, when there was one, and the variables it set. */
export interface EnvFileResult {
  file: string | undefined;
  assigned: string[];
}

/** Reads `<dir>/.env` into process.env without overriding variables already set. */
export function loadEnvFile(dir: string): EnvFileResult {
  const file = join(dir, ".env");
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { file: undefined, assigned: [] };
    throw new ShaleError("SHALE_E_CONFIG_LOAD", `Cannot read ${file}: ${redactUrl((err as Error).message)}`, {
      file,
      cause: err,
      hint: "Make the .env file readable, or remove it",
    });
  }
  const assigned: string[] = [];
  for (const [key, value] of Object.entries(parseEnv(content))) {
    if (value === undefined || process.env[key] !== undefined) continue;
    process.env[key] = value;
    assigned.push(key);
  }
  return { file, assigned };
}
