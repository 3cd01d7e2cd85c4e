/**
 * `diff --from SRC --to SRC`: the changes that turn one live database into another, as a
 * SQL script, a Markdown report or JSON. SRC is a database URL or `env:NAME`; shale's own
 * tables are left out on both sides, and both sides must be the same kind of database.
 */
import { loadConfig } from "../config/load.js";
import { explicitRenames, type ExplicitRenames } from "../diff/rename-strategy.js";
import { ShaleError } from "../errors.js";
import type { DialectName } from "../dialects/url.js";
import { jsonReport, renderJson, type JsonReport } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderSqlScript } from "../report/sql.js";
import { checkRenames, checkRenamesApplied } from "./check-renames.js";
import { diffSchemas, type SchemaDiff } from "./schema-diff.js";
import { readLiveSchema, resolveSource, shaleTables } from "./schema-source.js";
import type { TargetOptions } from "./session.js";
import { writeOutput } from "./write-output.js";

export type { ExplicitRenames, ScopedRename, TableRename } from "../diff/rename-strategy.js";

/** The report formats of `diff`. */
export type DiffFormat = "sql" | "md" | "json";

/** Every format `diff` writes, for option parsing and messages. */
export const DIFF_FORMATS: readonly DiffFormat[] = ["sql", "md", "json"];

/** Options of `diff`; `url` is not used (the sources say where to read). */
export interface DiffOptions extends TargetOptions {
  /** A database URL or `env:NAME`. */
  readonly from: string;
  /** A database URL or `env:NAME`. */
  readonly to: string;
  /** The report's format; default sql. */
  readonly format?: DiffFormat;
  /** Write the report to this file (relative to cwd) instead of only returning it. */
  readonly out?: string;
  /**
   * Tables, columns and indexes that are renamed rather than dropped and added (old and new
   * name; columns and indexes name their table by its new name). Tables in MySQL and SQLite
   * have the schema "". A function is called with the sources' dialect before either
   * database is read (the command line's flags need it to know how to read a table name).
   * A rename that does not apply fails with SHALE_E_RENAME.
   */
  readonly renames?: ExplicitRenames | ((dialect: DialectName) => ExplicitRenames);
}

/** What `diff` found. */
export interface DiffResult {
  readonly dialect: DialectName;
  /** The sources as reports name them, passwords masked. */
  readonly from: string;
  readonly to: string;
  readonly format: DiffFormat;
  /** How many changes, and how many of them can lose data. */
  readonly changes: number;
  readonly destructive: number;
  /** The report in the chosen format. */
  readonly text: string;
  /** The JSON report as a value, whatever the format. */
  readonly report: JsonReport;
  /** The file written, as given. */
  readonly out?: string;
  readonly diff: SchemaDiff;
}

/** Reads both databases, diffs them, and renders the report. */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const format = options.format ?? "sql";
  if (!DIFF_FORMATS.includes(format)) {
    throw new ShaleError("SHALE_E_USAGE", `Unknown diff format "${String(format)}"`, { hint: `Use one of ${DIFF_FORMATS.join(", ")}` });
  }
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig({ cwd, ...(options.config ? { configPath: options.config } : {}) });
  const at = { cwd, context: options.context };
  const from = resolveSource(options.from, "--from", config, at);
  const to = resolveSource(options.to, "--to", config, at);
  if (from.url.dialect !== to.url.dialect) {
    throw new ShaleError("SHALE_E_DIALECT_MISMATCH", `Cannot diff a ${from.url.dialect} database (${from.label}) against a ${to.url.dialect} database (${to.label})`, {
      hint: "Both sides of a diff must be the same kind of database",
    });
  }
  const renames = typeof options.renames === "function" ? options.renames(from.url.dialect) : options.renames;
  const [a, b] = await Promise.all([readLiveSchema(from.url, config), readLiveSchema(to.url, config)]);
  const filter = { excludeTables: shaleTables(config).isShaleTable };
  if (renames) checkRenames(a.schema, b.schema, renames, filter);
  const result = diffSchemas(a.dialect, a.schema, b.schema, { filter, ...(renames ? { renames: explicitRenames(renames) } : {}) });
  if (renames) checkRenamesApplied(result.changes, renames);
  const labels = { from: from.label, to: to.label };
  const text = format === "sql" ? renderSqlScript(result, labels) : format === "md" ? renderMarkdown(result, labels) : renderJson(result, labels);
  const report = jsonReport(result, labels);
  return {
    dialect: from.url.dialect,
    ...labels,
    format,
    changes: report.summary.changes,
    destructive: report.summary.destructive,
    text,
    report,
    ...(options.out !== undefined ? { out: writeOutput(options.out, text, cwd) } : {}),
    diff: result,
  };
}
