/** `shale validate`: exit 1 when history and files disagree. */
import { validate, type StatusEntry } from "../../api/status.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printStatusTable } from "../status-table.js";

/** Prints the problems found, if any; exits 1 when there are some. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await validate(targetOptions(options));
  if (out.json) {
    out.document({ context: result.context, current: result.current, valid: result.valid, problems: result.problems });
  } else if (result.valid) {
    out.line(`${out.color.green("valid")}: ${result.migrations.length} migrations match the history of context ${result.context}.`);
  } else {
    out.line(`${out.color.red("invalid")}: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in context ${result.context}:\n`);
    printStatusTable(out, result.problems);
    out.line();
    for (const p of result.problems) out.line(`  ${p.script}: ${why(p)}`);
    out.line(`\nhint: restore changed or missing files, or run \`shale repair\` after reviewing the edits; \`shale migrate --out-of-order\` applies ignored ones.`);
  }
  return result.valid ? 0 : 1;
}

/** A problem in words, for the line that names its file. */
function why(p: StatusEntry): string {
  switch (p.state) {
    case "changed":
      return "changed after it was applied (its checksum differs from the history table)";
    case "missing":
      return "applied, but the file is gone";
    case "failed":
      return `failed in an earlier run${p.failure?.line ? ` at line ${p.failure.line}` : ""}`;
    case "ignored":
      return "pending, but older than the current version";
    default:
      return p.state;
  }
}
