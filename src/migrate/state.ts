/**
 * The state of every migration: files matched against history rows. Pure: no I/O, so
 * status, validate and migrate all decide from the same answer.
 */
import type { HistoryRow, HistoryType } from "./history.js";
import type { MigrationFile, MigrationSet } from "./source.js";
import { compareVersions, parseVersion, type Version } from "./version.js";

/** The note of a file at or below the baseline: ignored, but not a problem. */
export const BELOW_BASELINE = "below baseline";

/** A migration's state, as SPEC's `status --json` names them. */
export type MigrationState = "applied" | "pending" | "failed" | "changed" | "missing" | "out-of-order" | "ignored";

/** One line of `status`. */
export interface MigrationStatus {
  readonly version: string | null;
  readonly description: string;
  readonly type: HistoryType;
  readonly script: string;
  readonly state: MigrationState;
  /** The file's checksum, or the recorded one when the file is gone. */
  readonly checksum: string | null;
  readonly installedOn: string | null;
  /** Why, for states that need a word: "below baseline", "lower than the current version". */
  readonly note?: string;
  readonly file?: MigrationFile;
  readonly row?: HistoryRow;
}

/** The whole picture for one context. */
export interface StatusReport {
  readonly current: string | null;
  readonly migrations: readonly MigrationStatus[];
}

/** Which history rows belong to the repeatable/seed namespace being looked at. */
const REPEATABLE_TYPES: ReadonlySet<HistoryType> = new Set(["repeatable"]);

/** Matches migration files with history rows. */
export function computeStatus(set: MigrationSet, rows: readonly HistoryRow[]): StatusReport {
  const out: MigrationStatus[] = [];
  const versionedRows = rows.filter((r) => r.version !== null && r.type !== "seed");
  const baseline = lastOf(versionedRows.filter((r) => r.success && (r.type === "baseline" || r.type === "squash")));
  const baselineVersion = baseline ? parseVersion(baseline.version!) : undefined;
  const current = currentVersion(versionedRows);
  const filesByVersion = new Map(set.versioned.map((f) => [f.version!.text, f]));
  const rowsByVersion = new Map<string, HistoryRow>();
  for (const r of versionedRows) if (r.type !== "baseline") rowsByVersion.set(r.version!, r);

  let highestSoFar: Version | undefined;
  for (const row of versionedRows) {
    const version = parseVersion(row.version!)!;
    if (row.type === "baseline") {
      out.push(fromRow(row, "applied", undefined, "baseline"));
      continue;
    }
    const file = filesByVersion.get(row.version!);
    let state: MigrationState;
    let note: string | undefined;
    if (!row.success) {
      state = "failed";
      note = row.progress === null ? undefined : row.progress === 0 ? "no statement of it stayed applied" : `statements 1-${row.progress} stayed applied`;
    } else if (!file) state = row.type === "squash" ? "applied" : "missing";
    else if (file.checksum !== row.checksum) state = "changed";
    else if (highestSoFar && compareVersions(version, highestSoFar) < 0) state = "out-of-order";
    else state = "applied";
    if (row.success && (!highestSoFar || compareVersions(version, highestSoFar) > 0)) highestSoFar = version;
    out.push(fromRow(row, state, file, note));
  }

  for (const file of set.versioned) {
    if (rowsByVersion.has(file.version!.text)) continue;
    if (baselineVersion && compareVersions(file.version!, baselineVersion) <= 0) {
      out.push(fromFile(file, "ignored", BELOW_BASELINE));
    } else if (current && compareVersions(file.version!, current) < 0) {
      out.push(fromFile(file, "ignored", "lower than the current version; apply with --out-of-order"));
    } else {
      out.push(fromFile(file, "pending"));
    }
  }
  out.push(...repeatableStatus(set.repeatable, rows, REPEATABLE_TYPES, "repeatable"));
  return { current: current?.text ?? null, migrations: out };
}

/** States of repeatable files (migrations' R files, or seeds with `type` "seed"). */
export function repeatableStatus(
  files: readonly MigrationFile[],
  rows: readonly HistoryRow[],
  types: ReadonlySet<HistoryType>,
  typeOfFile: HistoryType,
): MigrationStatus[] {
  const latest = new Map<string, HistoryRow>();
  for (const r of rows) if (r.version === null && types.has(r.type)) latest.set(r.description, r);
  const out: MigrationStatus[] = [];
  for (const file of files) {
    const row = latest.get(file.description);
    latest.delete(file.description);
    if (!row) out.push(fromFile(file, "pending", undefined, typeOfFile));
    else if (!row.success) out.push(fromRow(row, "failed", file));
    else if (row.checksum !== file.checksum) out.push(fromFile(file, "pending", "changed since it was last applied", typeOfFile, row));
    else out.push(fromRow(row, "applied", file));
  }
  for (const row of latest.values()) out.push(fromRow(row, "missing", undefined));
  return out;
}

/** The highest successfully applied version (baselines and squashes included). */
export function currentVersion(rows: readonly HistoryRow[]): Version | undefined {
  let best: Version | undefined;
  for (const r of rows) {
    if (!r.success || r.version === null || r.type === "seed") continue;
    const v = parseVersion(r.version);
    if (v && (!best || compareVersions(v, best) > 0)) best = v;
  }
  return best;
}

function lastOf<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

function fromRow(row: HistoryRow, state: MigrationState, file: MigrationFile | undefined, note?: string): MigrationStatus {
  return {
    version: row.version,
    description: row.description,
    type: row.type,
    script: row.script,
    state,
    checksum: file?.checksum ?? row.checksum,
    installedOn: row.installedOn,
    ...(note === undefined ? {} : { note }),
    ...(file ? { file } : {}),
    row,
  };
}

function fromFile(
  file: MigrationFile,
  state: MigrationState,
  note?: string,
  type: HistoryType = file.language === "ts" ? "ts" : "sql",
  row?: HistoryRow,
): MigrationStatus {
  return {
    version: file.version?.text ?? null,
    description: file.description,
    type,
    script: file.script,
    state,
    checksum: file.checksum,
    installedOn: null,
    ...(note === undefined ? {} : { note }),
    file,
    ...(row ? { row } : {}),
  };
}

/** The states that make `validate` fail and `migrate` refuse. */
export function problemsOf(report: StatusReport): MigrationStatus[] {
  return report.migrations.filter(
    (m) =>
      m.state === "changed" ||
      m.state === "missing" ||
      m.state === "failed" ||
      (m.state === "ignored" && m.note !== BELOW_BASELINE),
  );
}
