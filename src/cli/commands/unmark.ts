/** `shale unmark <VERSION...> | --to VERSION`. */
import { unmark } from "../../api/mark.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";
import { summarize } from "../summarize.js";

/** Removes history records without reverting anything. */
export async function run(args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await unmark({
    ...targetOptions(options),
    dryRun: Boolean(options.dryRun),
    versions: args,
    ...(options.to !== undefined ? { to: options.to } : {}),
  });
  if (out.json) out.document(result);
  else if (result.dryRun) printSql(out, result.sql, result.dialect);
  else out.line(result.versions.length ? `Removed the records of: ${summarize(result.versions)}.` : "Nothing to remove.");
  return 0;
}
