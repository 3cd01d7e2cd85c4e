/**
 * The Markdown report of a diff, for a pull request or a ticket: counts by kind, the
 * destructive changes on their own, a section per table with before → after, the other
 * objects, a Mermaid ER diagram of the tables involved, and the SQL script at the end.
 */
import { compareNames, displayName, qualifiedKey } from "../schema/names.js";
import { phaseRank } from "../plan/phases.js";
import type { PlanStep } from "../plan/types.js";
import type { QualifiedName } from "../schema/types.js";
import { changeTable } from "../diff/changes.js";
import { changeObject, describeChange } from "./describe.js";
import type { DiffReportInput, ReportLabels } from "./input.js";
import { stepRow, tableRows, wholeTableRows, type Row } from "./markdown-rows.js";
import { cellCode, code, codeBlock, plainText, table } from "./markdown-text.js";
import { erDiagram } from "./mermaid.js";
import { renderSqlScript } from "./sql.js";
import { countByKind, plural, summaryLine } from "./summary.js";

const ROW_HEADER = ["Change", "Object", "Before", "After"];

/** The whole report, ending with a newline. */
export function renderMarkdown(diff: DiffReportInput, labels: ReportLabels): string {
  const steps = diff.plan.steps;
  const sections = [
    "# Schema diff",
    [`- **From:** ${code(labels.from)}`, `- **To:** ${code(labels.to)}`, `- **Dialect:** ${diff.to.dialect}`].join("\n"),
  ];
  if (steps.length === 0) {
    sections.push("The schemas are equal: there is nothing to change.");
    return `${sections.join("\n\n")}\n`;
  }
  sections.push(...summary(diff), ...destructive(steps), ...tables(diff), ...others(steps), ...diagram(diff));
  sections.push("## SQL", codeBlock("sql", renderSqlScript(diff, labels)));
  return `${sections.join("\n\n")}\n`;
}

function summary(diff: DiffReportInput): string[] {
  const rows = countByKind(diff.plan.steps).map(([label, count]) => [label, String(count)]);
  return ["## Summary", `${summaryLine(diff.plan.steps, diff.statements.length)}.`, table(["Change", "Count"], rows)];
}

function destructive(steps: readonly PlanStep[]): string[] {
  const risky = steps.filter((s) => s.destructive);
  if (risky.length === 0) return ["## Destructive changes", "None: no change loses data."];
  const items = risky.map((s) => `- ⚠️ **${plainText(describeChange(s.change))}**${s.warning ? `: ${plainText(s.warning)}` : ""}`);
  return ["## Destructive changes", `${plural(risky.length, "change")} can lose data; review ${risky.length === 1 ? "it" : "them"} before applying.`, items.join("\n")];
}

interface TableGroup {
  readonly name: QualifiedName;
  readonly steps: PlanStep[];
}

/**
 * The table a step belongs to, by its name after the plan: steps before the renames (dropped
 * keys and indexes) name a renamed table by its old name, and go in its one section.
 */
function stepTable(steps: readonly PlanStep[]): (step: PlanStep) => QualifiedName | undefined {
  const renamed = new Map(steps.flatMap((s) => (s.change.kind === "rename-table" ? [[qualifiedKey(s.change.from), s.change.to] as const] : [])));
  const renameAt = phaseRank("rename");
  return (step) => {
    const name = changeTable(step.change);
    if (!name || phaseRank(step.phase) >= renameAt) return name;
    return renamed.get(qualifiedKey(name)) ?? name;
  };
}

function tables(diff: DiffReportInput): string[] {
  const groups = new Map<string, TableGroup>();
  const tableOf = stepTable(diff.plan.steps);
  for (const step of diff.plan.steps) {
    const name = tableOf(step);
    if (!name) continue;
    const key = qualifiedKey(name);
    if (!groups.has(key)) groups.set(key, { name, steps: [] });
    groups.get(key)!.steps.push(step);
  }
  if (groups.size === 0) return [];
  const out = ["## Tables"];
  for (const group of [...groups.values()].sort((a, b) => compareNames(a.name, b.name))) out.push(...tableSection(group));
  return out;
}

function tableSection(group: TableGroup): string[] {
  const rows: Row[] = [];
  const notes: string[] = [];
  const rest: PlanStep[] = [];
  for (const step of group.steps) {
    const change = step.change;
    if (change.kind === "create-table" || change.kind === "drop-table") {
      notes.push(change.kind === "create-table" ? "New table." : "⚠️ Dropped table: its rows are lost.");
      rows.push(...wholeTableRows(change.table, change.kind === "create-table"));
    } else if (change.kind === "rename-table") {
      notes.push(`Renamed from ${code(displayName(change.from))}.`);
    } else {
      rest.push(step);
    }
  }
  rows.push(...tableRows(rest));
  return [`### ${code(displayName(group.name))}`, ...notes, ...(rows.length ? [table(ROW_HEADER, rows)] : [])];
}

function others(steps: readonly PlanStep[]): string[] {
  const rows = steps
    .filter((s) => !changeTable(s.change))
    .map((s) => {
      const row = stepRow(s);
      return [row[0], `${objectType(s.change.kind)} ${cellCode(changeObject(s.change))}`, row[2], row[3]] as const;
    });
  return rows.length ? ["## Other objects", table(ROW_HEADER, rows)] : [];
}

function objectType(kind: string): string {
  const found = ["namespace", "extension", "enum", "domain", "sequence", "view", "routine", "trigger"].find((t) => kind.includes(t));
  return found === "namespace" ? "schema" : (found ?? kind);
}

function diagram(diff: DiffReportInput): string[] {
  const result = erDiagram(diff);
  if (result.kind === "none") return ["## Diagram", result.reason];
  return ["## Diagram", `The ${plural(result.tables, "table")} involved, as the target schema has them.`, codeBlock("mermaid", result.text)];
}
