/** The corpus summary as terminal text and as a Markdown report. */
import type { DialectName } from "../../src/dialects/dialect.js";
import { clip } from "./describe.js";
import { dialectsOf, failureGroups, noteGroups, perFile, percent, serverLine, skipGroups, tally, type CaseRecord, type Group, type RunContext, type Tally } from "./report.js";

const DIALECT_ORDER: readonly DialectName[] = ["postgres", "mysql", "sqlite"];

function counts(t: Tally): string {
  const unseen = t.unseen > 0 ? `  (${t.unseen} pass unseen)` : "";
  return `pass ${String(t.pass).padStart(4)}  fail ${String(t.fail).padStart(4)}  skip ${String(t.skip).padStart(4)}  rate ${percent(t.rate).padStart(6)}${unseen}`;
}

function exampleText(g: Group): string {
  const r = g.example.result;
  const detail = r.status === "fail" ? r.detail : r.status === "skip" ? r.reason : "";
  return `e.g. ${g.example.file} ${g.example.name}: ${clip(detail.replace(/\s*\n\s*/g, " / "), 220)}`;
}

/** The summary for the terminal: per file, per dialect, then failure categories and skip reasons. */
export function formatText(records: readonly CaseRecord[], context: RunContext, maxGroups = 25): string {
  const lines: string[] = [];
  for (const dialect of DIALECT_ORDER) {
    if (!context.servers.has(dialect)) continue;
    const mine = records.filter((r) => r.dialect === dialect);
    lines.push(`== ${serverLine(dialect, context)}`);
    for (const f of perFile(mine)) lines.push(`  ${f.file.padEnd(44)} ${counts(f.tally)}`);
    lines.push(`  ${`${dialect} total`.padEnd(44)} ${counts(tally(mine))}`);
    const failures = failureGroups(mine);
    if (failures.length > 0) lines.push(`  failure categories (${failures.length}):`);
    for (const g of failures.slice(0, maxGroups)) lines.push(`    ${String(g.count).padStart(4)}  ${g.key}`, `          ${exampleText(g)}`);
    if (failures.length > maxGroups) lines.push(`    ... ${failures.length - maxGroups} more categories (see --report)`);
    const skips = skipGroups(mine);
    if (skips.length > 0) lines.push(`  skip reasons:`);
    for (const g of skips.slice(0, maxGroups)) lines.push(`    ${String(g.count).padStart(4)}  ${g.key}`);
    const notes = noteGroups(mine);
    if (notes.length > 0) lines.push(`  notes on passing cases:`);
    for (const g of notes) lines.push(`    ${String(g.count).padStart(4)}  ${g.key}  (e.g. ${g.example.file} ${g.example.name})`);
    lines.push("");
  }
  return lines.join("\n");
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map((c) => cell(String(c))).join(" | ")} |`;
}

function tallyCells(t: Tally): (string | number)[] {
  return [t.pass, t.unseen, t.fail, t.skip, percent(t.rate)];
}

/** The whole run as Markdown: summary, per-file table, failure categories, skip reasons, failing cases. */
export function formatMarkdown(records: readonly CaseRecord[], context: RunContext): string {
  const dialects = DIALECT_ORDER.filter((d) => context.servers.has(d));
  const out: string[] = [
    "# sqldef corpus conformance",
    "",
    "Pass rate = pass / (pass + fail); skipped cases do not count. A pass converged both ways and diffed each side against itself as empty.",
    "\"Unseen\" counts the passes where sqldef expects changes but shale saw no difference at all (objects outside shale's IR, or a gap).",
    "",
  ];
  out.push(row(["dialect", "server", "pass", "of which unseen", "fail", "skip", "pass rate"]), row(["---", "---", "---:", "---:", "---:", "---:", "---:"]));
  for (const d of dialects) out.push(row([d, serverLine(d, context).slice(d.length + 2), ...tallyCells(tally(records.filter((r) => r.dialect === d)))]));
  out.push("", "## Per file", "", row(["file", "pass", "of which unseen", "fail", "skip", "pass rate"]), row(["---", "---:", "---:", "---:", "---:", "---:"]));
  for (const f of perFile(records)) out.push(row([f.file, ...tallyCells(f.tally)]));
  for (const d of dialectsOf(records, dialects)) {
    const mine = records.filter((r) => r.dialect === d);
    out.push("", `## Failure categories: ${d}`, "", row(["cases", "category", "example"]), row(["---:", "---", "---"]));
    for (const g of failureGroups(mine)) out.push(row([g.count, `\`${g.key}\``, exampleText(g)]));
    out.push("", `## Skip reasons: ${d}`, "", row(["cases", "reason", "example"]), row(["---:", "---", "---"]));
    for (const g of skipGroups(mine)) out.push(row([g.count, g.key, `${g.example.file} ${g.example.name}`]));
    out.push("", `## Notes on passing cases: ${d}`, "", row(["cases", "note", "example"]), row(["---:", "---", "---"]));
    for (const g of noteGroups(mine)) out.push(row([g.count, g.key, `${g.example.file} ${g.example.name}`]));
  }
  out.push("", "## Failing cases", "", row(["dialect", "file", "case", "category", "detail"]), row(["---", "---", "---", "---", "---"]));
  for (const r of records) {
    if (r.result.status === "fail") out.push(row([r.dialect, r.file, r.name, r.result.category, clip(r.result.detail, 400)]));
  }
  return `${out.join("\n")}\n`;
}
