/**
 * Sums up a corpus run: pass/fail/skip per dialect and per file, the pass rate over the
 * cases that apply, failures grouped by category and skips grouped by reason, as plain text
 * for the terminal or as a Markdown report.
 */
import type { DialectName } from "../../src/dialects/dialect.js";
import { messageCategory } from "./describe.js";
import { MISSED_CHANGE, type CaseResult } from "./run.js";
import type { ServerInfo } from "./select.js";

/** One case's outcome, with where it came from. */
export interface CaseRecord {
  readonly dialect: DialectName;
  readonly file: string;
  readonly name: string;
  readonly result: CaseResult;
}

/** Counts for a group of cases. `rate` is pass / (pass + fail), undefined when none applied. */
export interface Tally {
  readonly pass: number;
  readonly fail: number;
  readonly skip: number;
  readonly rate: number | undefined;
  /** Passes where sqldef expects changes but shale saw no difference (an object outside the IR, or a gap). */
  readonly unseen: number;
}

/** A group of like outcomes, with one case that shows it. */
export interface Group {
  readonly dialect: DialectName;
  readonly key: string;
  readonly count: number;
  readonly example: CaseRecord;
}

/** What a run covered: each dialect's server, or why it could not be used. */
export interface RunContext {
  readonly servers: ReadonlyMap<DialectName, ServerInfo | { readonly problem: string }>;
}

/** Counts the records. */
export function tally(records: readonly CaseRecord[]): Tally {
  let pass = 0;
  let fail = 0;
  let skip = 0;
  let unseen = 0;
  for (const r of records) {
    if (r.result.status === "pass") pass++;
    else if (r.result.status === "fail") fail++;
    else skip++;
    if (r.result.status === "pass" && r.result.notes.includes(MISSED_CHANGE)) unseen++;
  }
  return { pass, fail, skip, rate: pass + fail > 0 ? pass / (pass + fail) : undefined, unseen };
}

/** The records grouped by a key, largest group first, then by key. */
function groupBy(records: readonly CaseRecord[], key: (r: CaseRecord) => string | undefined): Group[] {
  const groups = new Map<string, { dialect: DialectName; key: string; count: number; example: CaseRecord }>();
  for (const r of records) {
    const k = key(r);
    if (k === undefined) continue;
    const id = `${r.dialect}\u0000${k}`;
    const g = groups.get(id);
    if (g) g.count++;
    else groups.set(id, { dialect: r.dialect, key: k, count: 1, example: r });
  }
  return [...groups.values()].sort((x, y) => y.count - x.count || x.dialect.localeCompare(y.dialect) || x.key.localeCompare(y.key));
}

/** Failures grouped by category. */
export function failureGroups(records: readonly CaseRecord[]): Group[] {
  return groupBy(records, (r) => (r.result.status === "fail" ? r.result.category : undefined));
}

/** Skips grouped by reason, names and numbers taken out. */
export function skipGroups(records: readonly CaseRecord[]): Group[] {
  return groupBy(records, (r) => (r.result.status === "skip" ? messageCategory(r.result.reason) : undefined));
}

/** Passing cases with a note (shale and sqldef disagree on whether anything changes), grouped by note. */
export function noteGroups(records: readonly CaseRecord[]): Group[] {
  return groupBy(records, (r) => (r.result.status === "pass" && r.result.notes.length > 0 ? messageCategory(r.result.notes.join("; ")) : undefined));
}

/** The files of each dialect with their counts, in dialect then file order. */
export function perFile(records: readonly CaseRecord[]): { dialect: DialectName; file: string; tally: Tally }[] {
  const files = new Map<string, CaseRecord[]>();
  for (const r of records) {
    const list = files.get(r.file) ?? [];
    list.push(r);
    files.set(r.file, list);
  }
  return [...files.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([file, list]) => ({ dialect: list[0]!.dialect, file, tally: tally(list) }));
}

/** The dialects that have records, in the order given. */
export function dialectsOf(records: readonly CaseRecord[], order: readonly DialectName[]): DialectName[] {
  return order.filter((d) => records.some((r) => r.dialect === d));
}

/** A rate as a percentage with one decimal, or "n/a". */
export function percent(rate: number | undefined): string {
  return rate === undefined ? "n/a" : `${(rate * 100).toFixed(1)}%`;
}

/** A server as one line: "postgres 15.20" or why it was not used. */
export function serverLine(dialect: DialectName, context: RunContext): string {
  const server = context.servers.get(dialect);
  if (!server) return `${dialect}: not run`;
  if ("problem" in server) return `${dialect}: server unreachable (${server.problem})`;
  return `${dialect}: ${server.version}${server.flavors.length > 0 ? ` (${server.flavors.join(", ")})` : ""}`;
}
