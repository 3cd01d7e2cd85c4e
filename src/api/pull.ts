/**
 * `pull --format sql`: the live schema as DDL that loads into an empty database as it is,
 * objects ordered by their dependencies (tables by their foreign keys). shale's own tables
 * are left out.
 */
import { loadConfig } from "../config/load.js";
import { resolveTarget } from "../config/resolve.js";
import type { DialectName } from "../dialects/url.js";
import { ShaleError } from "../errors.js";
import { renderDdlScript } from "../report/sql.js";
import { createSchemaDdl } from "./schema-diff.js";
import { readLiveSchema } from "./schema-source.js";
import type { TargetOptions } from "./session.js";
import { writeOutput } from "./write-output.js";

/** Options of `pull`. */
export interface PullOptions extends TargetOptions {
  /** Only "sql" for now; "ts" comes with the schema builder. */
  readonly format?: string;
  /** Write the DDL to this file (relative to cwd) instead of only returning it. */
  readonly out?: string;
}

/** What `pull` read and wrote. */
export interface PullResult {
  readonly context: string;
  readonly dialect: DialectName;
  /** The database, password masked. */
  readonly url: string;
  readonly format: "sql";
  readonly tables: number;
  readonly statements: number;
  /** The DDL script. */
  readonly text: string;
  /** The file written, as given. */
  readonly out?: string;
}

/** Reads the target database's schema and renders it as loadable DDL. */
export async function pull(options: PullOptions = {}): Promise<PullResult> {
  const format = options.format ?? "sql";
  if (format === "ts") {
    throw new ShaleError("SHALE_E_USAGE", "pull --format ts is not available yet: TypeScript output comes with the schema builder", {
      hint: "Use --format sql (the default) for now",
    });
  }
  if (format !== "sql") throw new ShaleError("SHALE_E_USAGE", `Unknown pull format "${format}"`, { hint: "Use --format sql" });
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig({ cwd, ...(options.config ? { configPath: options.config } : {}) });
  const target = resolveTarget(config, { env: options.env, context: options.context, url: options.url });
  const live = await readLiveSchema(target.url, config);
  const ddl = createSchemaDdl(live.dialect, live.schema);
  const text = renderDdlScript(ddl, `shale pull (${target.dialect}): the schema of ${target.url.redacted}`);
  return {
    context: target.context.name,
    dialect: target.dialect,
    url: target.url.redacted,
    format,
    tables: live.schema.tables.length,
    statements: ddl.statements.length,
    text,
    ...(options.out !== undefined ? { out: writeOutput(options.out, text, cwd) } : {}),
  };
}
