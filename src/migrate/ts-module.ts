/**
 * TypeScript migrations and seeds: a module exporting `up(ctx)` and optionally `down(ctx)`.
 * `ctx` runs SQL inside the migration's transaction (where the database has one).
 */
import type { DialectName, Row } from "../dialects/dialect.js";
import { ShaleError } from "../errors.js";
import { importModule } from "../import-module.js";
import type { MigrationFile } from "./source.js";

/** What a TypeScript migration receives. */
export interface MigrationContext {
  /** The database family, for migrations that must differ per dialect. */
  readonly dialect: DialectName;
  /** Runs one statement. */
  exec(sql: string): Promise<void>;
  /** Runs one query with the dialect's placeholders ($1 on PostgreSQL, ? elsewhere) and returns its rows. */
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** One direction of a TypeScript migration. */
export type MigrationFunction = (ctx: MigrationContext) => unknown;

/** A loaded TypeScript migration. */
export interface TsMigration {
  readonly up: MigrationFunction;
  readonly down: MigrationFunction | undefined;
}

/** Loads a TypeScript migration and checks its exports. */
export async function loadTsMigration(file: MigrationFile): Promise<TsMigration> {
  let mod: Record<string, unknown>;
  try {
    mod = await importModule(file.path);
  } catch (err) {
    const line = errorLine(err, file.path);
    throw new ShaleError("SHALE_E_TS_MIGRATION", `${file.displayPath}${line ? `:${line}` : ""} failed to load: ${firstLine(err)}`, {
      file: file.displayPath,
      ...(line ? { line } : {}),
      hint: "Fix the TypeScript error; the file must export `up(ctx)` and may export `down(ctx)`",
      cause: err,
    });
  }
  const fallback = (mod.default ?? {}) as Record<string, unknown>;
  const up = mod.up ?? fallback.up;
  const down = mod.down ?? fallback.down;
  if (typeof up !== "function") {
    throw new ShaleError("SHALE_E_TS_MIGRATION", `${file.displayPath} does not export a function \`up\``, {
      file: file.displayPath,
      hint: "Export `async function up(ctx) { await ctx.exec(\"...\") }` (and optionally `down`)",
    });
  }
  if (down !== undefined && typeof down !== "function") {
    throw new ShaleError("SHALE_E_TS_MIGRATION", `${file.displayPath} exports \`down\`, but it is not a function`, {
      file: file.displayPath,
      hint: "Export `down` as a function, or remove it",
    });
  }
  return { up: up as MigrationFunction, down: down as MigrationFunction | undefined };
}

/** The first line of a load error: jiti appends "\n <absolute path>:<line>:<col>" to parse errors. */
function firstLine(err: unknown): string {
  const error = err instanceof Error ? err : new Error(String(err));
  return error.message.split("\n")[0]!.trim() || error.name;
}

/** The line in `path` that a parse error or a throw at load time points at, if it says. */
function errorLine(err: unknown, path: string): number | undefined {
  if (!(err instanceof Error)) return undefined;
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`${escaped}:(\\d+)(?::\\d+)?`).exec(`${err.message}\n${err.stack ?? ""}`);
  return at ? Number(at[1]) : undefined;
}
