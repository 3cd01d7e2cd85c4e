/**
 * The JSON report (SPEC: `diff --format json`): every change in plan order with its kind,
 * the object it touches, whether it is destructive and the SQL that carries it out, then a
 * summary. A statement that carries several changes (a MySQL ALTER TABLE, a SQLite rebuild)
 * is listed under each of them.
 */
import type { ChangeKind } from "../diff/changes.js";
import type { SchemaDialect } from "../schema/types.js";
import { changeObject, describeChange } from "./describe.js";
import type { DiffReportInput, ReportLabels } from "./input.js";
import { countByKind } from "./summary.js";

/** One change in the JSON report. */
export interface JsonChange {
  readonly kind: ChangeKind;
  readonly object: string;
  readonly destructive: boolean;
  readonly description: string;
  /** Why it is destructive, when it is. */
  readonly warning?: string;
  readonly sql: readonly string[];
}

/** The JSON report's document. */
export interface JsonReport {
  readonly changes: readonly JsonChange[];
  readonly summary: {
    readonly dialect: SchemaDialect;
    readonly from: string;
    readonly to: string;
    readonly changes: number;
    readonly destructive: number;
    readonly statements: number;
    readonly byKind: Readonly<Partial<Record<ChangeKind, number>>>;
  };
}

/** The JSON report of a diff, as a value (callers stringify it). */
export function jsonReport(diff: DiffReportInput, labels: ReportLabels): JsonReport {
  const sqlOf = statementsByStep(diff);
  const changes = diff.plan.steps.map((step, index): JsonChange => ({
    kind: step.change.kind,
    object: changeObject(step.change),
    destructive: step.destructive,
    description: describeChange(step.change),
    ...(step.destructive ? { warning: step.warning ?? describeChange(step.change) } : {}),
    sql: sqlOf[index] ?? [],
  }));
  return {
    changes,
    summary: {
      dialect: diff.to.dialect,
      from: labels.from,
      to: labels.to,
      changes: changes.length,
      destructive: changes.filter((c) => c.destructive).length,
      statements: diff.statements.length,
      byKind: Object.fromEntries(countByKind(diff.plan.steps).map(([, count, kind]) => [kind, count])),
    },
  };
}

/** The JSON report as text, two-space indented, ending with a newline. */
export function renderJson(diff: DiffReportInput, labels: ReportLabels): string {
  return `${JSON.stringify(jsonReport(diff, labels), null, 2)}\n`;
}

/**
 * The SQL of each plan step. Statements that carry no step (set-up such as a SQLite PRAGMA)
 * go with the next statement that does, or with the last one when none follows.
 */
function statementsByStep(diff: DiffReportInput): string[][] {
  const out: string[][] = diff.plan.steps.map(() => []);
  let pending: string[] = [];
  let last: readonly number[] = [];
  for (const statement of diff.statements) {
    if (statement.steps.length === 0) {
      pending.push(statement.sql);
      continue;
    }
    for (const index of statement.steps) out[index]?.push(...pending, statement.sql);
    pending = [];
    last = statement.steps;
  }
  for (const index of last) out[index]?.push(...pending);
  return out;
}
