/** `new`: a migration file named with a UTC timestamp version (SPEC: V20261121093000__add_posts.sql). */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadConfig } from "../config/load.js";
import { resolveContext } from "../config/resolve.js";
import { ShaleError } from "../errors.js";

/** Options of `new`. */
export interface NewMigrationOptions {
  readonly cwd?: string;
  readonly config?: string;
  readonly context?: string;
  readonly description: string;
  readonly language?: "sql" | "ts";
  readonly repeatable?: boolean;
  /** Also write the U file (SQL); a TypeScript migration always gets a `down`. */
  readonly undo?: boolean;
  /** The clock, for tests. */
  readonly now?: Date;
}

/** What `new` wrote. */
export interface NewMigrationResult {
  readonly version: string | null;
  /** Paths written, relative to cwd. */
  readonly files: readonly string[];
}

/** Writes a new migration file (and its undo file when asked). */
export async function newMigration(options: NewMigrationOptions): Promise<NewMigrationResult> {
  const cwd = options.cwd ?? process.cwd();
  const slug = options.description.trim().replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "");
  if (!slug) {
    throw new ShaleError("SHALE_E_USAGE", "The migration needs a description made of letters or digits", {
      hint: 'For example: shale new "add posts table"',
    });
  }
  const language = options.language ?? "sql";
  if (options.repeatable && options.undo) {
    throw new ShaleError("SHALE_E_USAGE", "A repeatable migration has no undo file", { hint: "Drop --undo or --repeatable" });
  }
  const config = await loadConfig({ cwd, ...(options.config ? { configPath: options.config } : {}) });
  const folder = resolveContext(config, options.context).migrations;
  mkdirSync(folder, { recursive: true });
  const taken = new Set(readdirSync(folder).map((n) => /^[VU]([^_]+)__/.exec(n)?.[1]).filter(Boolean));
  const files: string[] = [];
  const write = (name: string, text: string): void => {
    const path = join(folder, name);
    if (existsSync(path)) {
      throw new ShaleError("SHALE_E_FILE_EXISTS", `${relative(cwd, path)} already exists`, { file: relative(cwd, path), hint: "Choose another description" });
    }
    writeFileSync(path, text);
    files.push(relative(cwd, path));
  };
  if (options.repeatable) {
    write(`R__${slug}.${language}`, template(language, options.description, false));
    return { version: null, files };
  }
  let time = (options.now ?? new Date()).getTime();
  // Two files made in the same second would share a version: take the next free second.
  while (taken.has(timestamp(time))) time += 1000;
  const version = timestamp(time);
  write(`V${version}__${slug}.${language}`, template(language, options.description, language === "ts"));
  if (options.undo && language === "sql") write(`U${version}__${slug}.sql`, `-- Undo of V${version}: revert what it does.\n`);
  return { version, files };
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function template(language: "sql" | "ts", description: string, withDown: boolean): string {
  if (language === "sql") return `-- ${description}\n`;
  return `import type { MigrationContext } from "shale";

// ${description}
export async function up(ctx: MigrationContext): Promise<void> {
  await ctx.exec("SELECT 1");
}
${
  withDown
    ? `
export async function down(ctx: MigrationContext): Promise<void> {
  await ctx.exec("SELECT 1");
}
`
    : ""
}`;
}
