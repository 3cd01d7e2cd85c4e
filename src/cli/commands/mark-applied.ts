/** `shale mark-applied <VERSION...> | --to VERSION`. */
import { markApplied } from "../../api/mark.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";
import { summarize } from "../summarize.js";

/** Records migrations as applied without running them. */
export async function run(args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await markApplied({
    ...targetOptions(options),
    dryRun: Boolean(options.dryRun),
    versions: args,
    ...(options.to !== undefined ? { to: options.to } : {}),
  });
  if (out.json) out.document(result);
  else if (result.dryRun) printSql(out, result.sql, result.dialect);
  else out.line(result.versions.length ? `Recorded as applied: ${summarize(result.versions)}.` : "Nothing to record: no pending migration up to that version.");
  return 0;
}
