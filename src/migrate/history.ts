/**
 * The history table, one per context: what ran, when, by whom, with which checksum, and
 * for a run that could not be atomic, how far it got. SQL is built as text with literals
 * (not bind parameters) so a dry run prints exactly what a real run executes, and so
 * PostgreSQL can send a migration and its history row in one round trip.
 */
import type { Connection, Dialect, QualifiedName, Row } from "../dialects/dialect.js";
import type { MigrationFile } from "./source.js";

/** The `type` column: how an entry came to be. */
export type HistoryType = "sql" | "ts" | "repeatable" | "baseline" | "squash" | "seed";

/** One row of the history table. */
export interface HistoryRow {
  readonly installedRank: number;
  readonly version: string | null;
  readonly description: string;
  readonly type: HistoryType;
  readonly script: string;
  readonly checksum: string | null;
  readonly installedBy: string;
  readonly installedOn: string;
  readonly executionTime: number;
  readonly success: boolean;
  /** Statements done by a run that went statement by statement; null for atomic runs. */
  readonly progress: number | null;
  /** Checksum of those statements, to tell whether a resume is safe. */
  readonly progressChecksum: string | null;
  /** Line of the statement that failed, when one did. */
  readonly errorLine: number | null;
  readonly error: string | null;
}

/** The fields of a row to insert; installed_on is set by the database. */
export type NewHistoryRow = Omit<HistoryRow, "installedOn">;

/** Reads and writes one history table. */
export class HistoryStore {
  readonly qualified: string;

  constructor(
    private readonly conn: Connection,
    private readonly dialect: Dialect,
    readonly table: QualifiedName,
  ) {
    const q = dialect.quoteIdent;
    this.qualified = table.schema ? `${q(table.schema)}.${q(table.name)}` : q(table.name);
  }

  /** Whether the table exists yet. */
  exists(): Promise<boolean> {
    return this.dialect.historyTableExists(this.conn, this.table);
  }

  /** The DDL that creates the table. */
  createSql(): string[] {
    return this.dialect.historyTableDdl(this.table);
  }

  /** All rows, oldest first; an absent table reads as empty. */
  async read(): Promise<HistoryRow[]> {
    if (!(await this.exists())) return [];
    const rows = await this.conn.query(`SELECT * FROM ${this.qualified} ORDER BY installed_rank`);
    return rows.map(toHistoryRow);
  }

  /** INSERT for a new row. `executionTimeSql` lets a dialect compute the time server-side. */
  insertSql(row: NewHistoryRow, executionTimeSql?: string): string {
    const l = this.dialect.literal;
    const values = [
      l(row.installedRank),
      l(row.version),
      l(row.description),
      l(row.type),
      l(row.script),
      l(row.checksum),
      l(row.installedBy),
      executionTimeSql ?? l(row.executionTime),
      l(row.success),
      l(row.progress),
      l(row.progressChecksum),
      l(row.errorLine),
      l(row.error),
    ];
    return (
      `INSERT INTO ${this.qualified} (installed_rank, version, description, type, script, checksum, installed_by, ` +
      `execution_time, success, progress, progress_checksum, error_line, error) VALUES (${values.join(", ")})`
    );
  }

  /** UPDATE of some fields of the row with this rank; `executionTimeSql` as in insertSql. */
  updateSql(rank: number, fields: Partial<Omit<NewHistoryRow, "installedRank">>, executionTimeSql?: string): string {
    const l = this.dialect.literal;
    const columns: Record<string, string> = {
      version: "version",
      description: "description",
      type: "type",
      script: "script",
      checksum: "checksum",
      installedBy: "installed_by",
      executionTime: "execution_time",
      success: "success",
      progress: "progress",
      progressChecksum: "progress_checksum",
      errorLine: "error_line",
      error: "error",
    };
    const sets = Object.entries(fields).map(([k, v]) => `${columns[k]} = ${l(v as never)}`);
    if (executionTimeSql !== undefined) sets.push(`execution_time = ${executionTimeSql}`);
    return `UPDATE ${this.qualified} SET ${sets.join(", ")} WHERE installed_rank = ${l(rank)}`;
  }

  /** DELETE of the row with this rank. */
  deleteSql(rank: number): string {
    return `DELETE FROM ${this.qualified} WHERE installed_rank = ${this.dialect.literal(rank)}`;
  }
}

/** The identifying fields of a new row; the rest start as a successful, atomic run. */
export type RowIdentity = Pick<NewHistoryRow, "installedRank" | "version" | "description" | "type" | "script" | "checksum" | "installedBy">;

/** A new history row for a successful run, with no progress or error recorded. */
export function newHistoryRow(identity: RowIdentity): NewHistoryRow {
  return { ...identity, executionTime: 0, success: true, progress: null, progressChecksum: null, errorLine: null, error: null };
}

/** The identity of a row recording a migration file. */
export function fileIdentity(file: MigrationFile, installedRank: number, type: HistoryType, installedBy: string): RowIdentity {
  return { installedRank, version: file.version?.text ?? null, description: file.description, type, script: file.script, checksum: file.checksum, installedBy };
}

/** The history type of a migration file. */
export function typeOfFile(file: MigrationFile): HistoryType {
  return file.kind === "repeatable" ? "repeatable" : file.language === "ts" ? "ts" : "sql";
}

/** The next installed_rank after the given rows. */
export function nextRank(rows: readonly HistoryRow[]): number {
  return rows.reduce((max, r) => Math.max(max, r.installedRank), 0) + 1;
}

function toHistoryRow(r: Row): HistoryRow {
  return {
    installedRank: Number(r.installed_rank),
    version: r.version == null ? null : String(r.version),
    description: String(r.description ?? ""),
    type: String(r.type) as HistoryType,
    script: String(r.script ?? ""),
    checksum: r.checksum == null ? null : String(r.checksum),
    installedBy: String(r.installed_by ?? ""),
    installedOn: toIsoString(r.installed_on),
    executionTime: Number(r.execution_time ?? 0),
    success: r.success === true || r.success === 1 || r.success === "1" || r.success === "t",
    progress: r.progress == null ? null : Number(r.progress),
    progressChecksum: r.progress_checksum == null ? null : String(r.progress_checksum),
    errorLine: r.error_line == null ? null : Number(r.error_line),
    error: r.error == null ? null : String(r.error),
  };
}

/** Drivers return timestamps as Date (pg, mysql2) or text (SQLite); store one form. */
function toIsoString(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") {
    const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
    return Number.isNaN(d.getTime()) ? value : d.toISOString();
  }
  return String(value ?? "");
}

/** The column list every dialect's history DDL must create, in this order. */
export const HISTORY_COLUMNS = [
  "installed_rank",
  "version",
  "description",
  "type",
  "script",
  "checksum",
  "installed_by",
  "installed_on",
  "execution_time",
  "success",
  "progress",
  "progress_checksum",
  "error_line",
  "error",
] as const;
