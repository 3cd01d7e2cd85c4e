/**
 * The SQL script of a diff: a header, then every statement in plan order with a comment
 * naming its changes and a warning before each destructive one. The script is meant to be
 * reviewed and then run as it is with the database's own client (psql, mysql, sqlite3), so
 * it holds nothing those clients would read differently from shale, and no timestamps.
 */
import type { RenderedStatement } from "../dialects/dialect.js";
import type { PlanStep } from "../plan/types.js";
import type { SchemaDialect } from "../schema/types.js";
import { describeChange } from "./describe.js";
import type { DiffReportInput, ReportLabels } from "./input.js";
import { countByKind, summaryLine } from "./summary.js";
import { visible } from "./visible.js";

/** The whole diff script, ending with a newline. */
export function renderSqlScript(diff: DiffReportInput, labels: ReportLabels): string {
  const lines = [
    `-- shale diff (${diff.to.dialect}): the changes that turn FROM into TO`,
    `-- from: ${visible(labels.from)}`,
    `-- to:   ${visible(labels.to)}`,
  ];
  if (diff.plan.steps.length === 0) lines.push("-- The schemas are equal: nothing to change.");
  else lines.push(...counts(diff), `-- Review, then apply with: ${applyWith(diff)}`);
  return `${[...lines, ...body(diff)].join("\n")}\n`;
}

/** The DDL that creates a whole schema (`pull`, `baseline --from-db`) under a one-line title, ending with a newline. */
export function renderDdlScript(diff: DiffReportInput, title: string): string {
  const tables = diff.to.tables.length;
  const lines = [
    `-- ${visible(title)}`,
    `-- ${tables} table${tables === 1 ? "" : "s"} in ${diff.statements.length} statement${diff.statements.length === 1 ? "" : "s"}, in an order that loads into an empty database.`,
  ];
  return `${[...lines, ...body(diff)].join("\n")}\n`;
}

function counts(diff: DiffReportInput): string[] {
  const lines = [`-- ${summaryLine(diff.plan.steps, diff.statements.length)}:`];
  for (const [kind, count] of countByKind(diff.plan.steps)) lines.push(`--   ${String(count).padStart(4)}  ${kind}`);
  return lines;
}

/**
 * How to run the script. No BEGIN/COMMIT inside it, so that it can also become a migration
 * file (shale owns transactions there); psql's -1 gives the same all-or-nothing run.
 */
function applyWith(diff: DiffReportInput): string {
  switch (diff.to.dialect) {
    case "postgres":
      return `psql${diff.statements.some((s) => s.noTransaction) ? "" : " -1"} -v ON_ERROR_STOP=1 -f FILE DATABASE_URL`;
    case "mysql":
      return "mysql DATABASE < FILE";
    case "sqlite":
      return "sqlite3 -bail DATABASE_FILE < FILE";
  }
}

/**
 * Every statement with its comments, a blank line before each. A run of statements that carry
 * the same changes (a SQLite rebuild, a PostgreSQL type change in two steps) names them once.
 */
function body(diff: DiffReportInput): string[] {
  const lines: string[] = [];
  let previous: readonly number[] | undefined;
  for (const statement of diff.statements) {
    const same = previous !== undefined && previous.length === statement.steps.length && previous.every((n, i) => statement.steps[i] === n);
    lines.push("", ...statementComments(statement, diff.plan.steps, !same), ...terminated(statement.sql, diff.to.dialect));
    previous = statement.steps;
  }
  return lines;
}

/** The comment lines before a statement: its changes (unless just named), its note, and its warnings. */
function statementComments(statement: RenderedStatement, steps: readonly PlanStep[], nameChanges: boolean): string[] {
  const carried = statement.steps.map((i) => steps[i]).filter((s): s is PlanStep => s !== undefined);
  const lines = nameChanges ? carried.map((s) => `-- ${visible(describeChange(s.change))}`) : [];
  if (statement.comment) lines.push(`-- ${visible(statement.comment)}`);
  if (!statement.destructive) return lines;
  const warnings = new Set(carried.filter((s) => s.destructive).map((s) => s.warning ?? describeChange(s.change)));
  if (warnings.size === 0) warnings.add(statement.comment ?? "may lose data");
  for (const warning of warnings) lines.push(`-- WARNING: destructive: ${visible(warning)}`);
  return lines;
}

/**
 * The statement with its terminator, as the database's own client reads it; dry runs print
 * their statements through this too. The mysql client ends a statement at the first `;`
 * outside quotes and comments, so a trigger or routine body (or anything else with such a
 * `;`) goes between DELIMITER lines; psql and sqlite3 already read such bodies whole.
 */
export function terminated(sql: string, dialect: SchemaDialect): string[] {
  // Trimmed by hand: the regex /\s*;?\s*$/ retried at every run of spaces in the statement.
  let text = sql.trimEnd();
  if (text.endsWith(";")) text = text.slice(0, -1).trimEnd();
  // A line comment at the end (a routine body's last line) would swallow a terminator on its line.
  const sep = (dialect === "mysql" ? /(--|#)[^\n]*$/ : /--[^\n]*$/).test(text) ? "\n" : "";
  if (dialect !== "mysql" || !text.replace(MYSQL_NOT_CODE, "").includes(";")) return [`${text}${sep};`];
  const delimiter = ["$$", "//", "$$$$", "@@"].find((d) => !text.includes(d)) ?? "$$";
  return [`DELIMITER ${delimiter}`, `${text}${sep}${delimiter}`, "DELIMITER ;"];
}

/** Quoted text and comments, where the mysql client looks for no `;`; executable comments (`/*!`) are code to it. */
const MYSQL_NOT_CODE = /'(?:[^'\\]|\\[^])*'|"(?:[^"\\]|\\[^])*"|`[^`]*`|\/\*(?!M?!)[^]*?\*\/|#[^\n]*|--(?=\s|$)[^\n]*/g;
