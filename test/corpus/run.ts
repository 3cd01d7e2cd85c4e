/**
 * Runs one corpus case: load `current` into a fresh database A and `desired` into B, then
 * require that each side diffed against itself is empty and that shale's diff, applied,
 * turns A into B and B into A. B is only read while A converges, so it is still freshly
 * loaded when it converges to the schema read from A before A changed: the same as loading
 * two more databases, at half the cost.
 */
import { diffSchemas, inspectSchema } from "../../src/api/schema-diff.js";
import type { Dialect } from "../../src/dialects/dialect.js";
import { isShaleError } from "../../src/errors.js";
import type { Schema } from "../../src/schema/types.js";
import { ApplyFailure, applyStatements } from "./apply.js";
import { changeDetail, changeKinds, clip, compactSql, messageCategory } from "./describe.js";
import type { CorpusCase } from "./loader.js";
import { adaptSql, loadSql, messageOf, type LoadOutcome } from "./load-sql.js";
import { selectCase, type ServerInfo } from "./select.js";
import { delay, type CaseDatabase } from "./servers.js";
import { directSource, type DatabaseSource } from "./sources.js";

/** How one case went. A failure's category groups it with like failures; detail is this case's own. */
export type CaseResult =
  | { readonly status: "pass"; readonly ms: number; readonly statements: Counts; readonly notes: readonly string[] }
  | { readonly status: "skip"; readonly reason: string }
  | { readonly status: "fail"; readonly category: string; readonly detail: string; readonly ms: number };

/** How many statements shale rendered in each direction. */
export interface Counts {
  readonly up: number;
  readonly down: number;
}

/** Options for running a case. */
export interface RunOptions {
  /** A case taking longer fails with the category "timeout". */
  readonly timeoutMs?: number;
  /** Where fresh databases come from; by default each is made and dropped on the spot. */
  readonly databases?: DatabaseSource;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** A failed check inside a case, carrying its category and detail to the result. */
class CaseFailure extends Error {
  constructor(
    readonly category: string,
    readonly detail: string,
  ) {
    super(category);
  }
}

/** Runs a case on the server, unless the selection rules skip it. Never throws for a case's own failure. */
export async function runCase(c: CorpusCase, dialect: Dialect, server: ServerInfo, options: RunOptions = {}): Promise<CaseResult> {
  const selection = selectCase(c, server);
  if (!selection.run) return { status: "skip", reason: selection.reason };
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const source = options.databases ?? directSource(dialect);
  let databases: CaseDatabase[] = [];
  let abandoned = false;
  try {
    databases = await openDatabases(source, 2);
    const work = runLoaded(c, dialect, databases[0]!, databases[1]!);
    work.catch(() => undefined);
    const outcome = await Promise.race([work, delay(timeoutMs).then(() => "timeout" as const)]);
    if (outcome === "timeout") {
      abandoned = true;
      return { status: "fail", category: "timeout", detail: `no result after ${timeoutMs} ms`, ms: ms() };
    }
    if ("skip" in outcome) return { status: "skip", reason: outcome.skip };
    return { status: "pass", ms: ms(), statements: outcome.statements, notes: outcome.notes };
  } catch (err) {
    if (err instanceof CaseFailure) return { status: "fail", category: err.category, detail: err.detail, ms: ms() };
    return { status: "fail", category: `runner error: ${messageCategory(messageOf(err))}`, detail: clip(messageOf(err), 300), ms: ms() };
  } finally {
    await Promise.all(databases.map((db) => source.release(db, abandoned)));
  }
}

/** Opens `count` fresh databases; if one cannot be made, drops those that were. */
async function openDatabases(source: DatabaseSource, count: number): Promise<CaseDatabase[]> {
  const settled = await Promise.allSettled(Array.from({ length: count }, () => source.take()));
  const opened = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.find((s) => s.status === "rejected");
  if (!failed) return opened;
  await Promise.all(opened.map((db) => source.release(db)));
  throw new CaseFailure(`setup error: ${messageCategory(messageOf(failed.reason))}`, clip(messageOf(failed.reason), 300));
}

async function runLoaded(c: CorpusCase, dialect: Dialect, a: CaseDatabase, b: CaseDatabase): Promise<{ skip: string } | { statements: Counts; notes: string[] }> {
  const loaded = await Promise.all([loadInto(dialect, a, c.current), loadInto(dialect, b, c.desired)]);
  for (const [side, outcome] of [["current", loaded[0]], ["desired", loaded[1]]] as const) {
    const skip = loadProblem(side, outcome);
    if (skip !== undefined) return { skip };
  }
  const current = await inspect(dialect, a, "current");
  const desired = await inspect(dialect, b, "desired");
  requireIdempotent(dialect, current, "current");
  requireIdempotent(dialect, desired, "desired");
  const up = await converge(dialect, a, current, desired, "up");
  const down = await converge(dialect, b, desired, current, "down");
  return { statements: { up, down }, notes: expectationNotes(c, up) };
}

/**
 * Where shale's diff disagrees with sqldef's on whether anything changes at all. Not a
 * failure (sqldef's view of a schema is not ours), but a hint at a normalisation gap or a
 * difference shale cannot see.
 */
function expectationNotes(c: CorpusCase, up: number): string[] {
  if (c.up === undefined) return [];
  const expected = c.up.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--")).length;
  // With enable_drop: false sqldef leaves drops out (as comments); shale applies them.
  if (expected === 0 && up > 0 && c.enableDrop) return [`sqldef expects no change, shale made ${up} statement(s)`];
  if (expected > 0 && up === 0) return [MISSED_CHANGE];
  return [];
}

/** The note on a pass where sqldef expects changes and shale sees no difference at all. */
export const MISSED_CHANGE = "sqldef expects changes, shale found none";

/** Loads DDL over a connection of its own, so that a SET in the case cannot change how shale's connection inspects. */
async function loadInto(dialect: Dialect, db: CaseDatabase, sql: string): Promise<LoadOutcome> {
  const conn = await db.connect();
  try {
    return await loadSql(dialect, conn, adaptSql(dialect, sql, db.name));
  } finally {
    await conn.close();
  }
}

/**
 * A load the server refused is outside shale (a missing extension or role, syntax this
 * server lacks): the case is skipped with the server's words. Our splitter failing is ours.
 */
function loadProblem(side: "current" | "desired", outcome: LoadOutcome): string | undefined {
  if (outcome.ok) return undefined;
  if (outcome.by === "splitter") throw new CaseFailure(`split error: ${messageCategory(outcome.message)}`, `${side}: ${clip(outcome.message, 300)}`);
  return `server refused ${side}: ${clip(outcome.message.split("\n")[0]!, 200)}`;
}

async function inspect(dialect: Dialect, db: CaseDatabase, what: string): Promise<Schema> {
  try {
    return await inspectSchema(dialect, db.conn);
  } catch (err) {
    throw new CaseFailure(`inspect error: ${errorCategory(err)}`, `${what}: ${clip(messageOf(err), 300)}`);
  }
}

function requireIdempotent(dialect: Dialect, schema: Schema, what: string): void {
  const changes = diffOrFail(dialect, schema, schema, `${what} against itself`).changes;
  if (changes.length > 0) {
    throw new CaseFailure(`not idempotent: ${changeKinds(changes)}`, `${what} against itself: ${changes.map(changeDetail).join(" | ")}`);
  }
}

/** Diffs `from` → `to`, applies the DDL to `db`, inspects again and requires no difference left. Returns the statement count. */
async function converge(dialect: Dialect, db: CaseDatabase, from: Schema, to: Schema, direction: string): Promise<number> {
  const { statements } = diffOrFail(dialect, from, to, direction);
  try {
    await applyStatements(dialect, db.conn, statements);
  } catch (err) {
    if (!(err instanceof ApplyFailure)) throw err;
    const state = err.sqlState ? ` [${err.sqlState}]` : "";
    throw new CaseFailure(`apply error${state}: ${messageCategory(err.message)}`, `${direction}: ${compactSql(err.statement)} → ${clip(err.message, 240)}`);
  }
  const after = await inspect(dialect, db, `${direction} after apply`);
  const left = diffOrFail(dialect, after, to, `${direction} after apply`).changes;
  if (left.length > 0) {
    throw new CaseFailure(`residual: ${changeKinds(left)}`, `${direction}: ${clip(left.map(changeDetail).join(" | "), 600)}`);
  }
  return statements.length;
}

function diffOrFail(dialect: Dialect, from: Schema, to: Schema, what: string): ReturnType<typeof diffSchemas> {
  try {
    return diffSchemas(dialect, from, to);
  } catch (err) {
    throw new CaseFailure(`diff/render error: ${errorCategory(err)}`, `${what}: ${clip(messageOf(err), 300)}`);
  }
}

function errorCategory(err: unknown): string {
  const code = isShaleError(err) ? `[${err.code}] ` : "";
  return `${code}${messageCategory(messageOf(err))}`;
}
