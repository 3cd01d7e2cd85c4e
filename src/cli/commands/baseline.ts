/** `shale baseline --version V`. */
import { baseline } from "../../api/baseline.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";

/** Records the baseline entry. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await baseline({ ...targetOptions(options), dryRun: Boolean(options.dryRun), version: options.version ?? "1" });
  if (out.json) out.document(result);
  else if (result.dryRun) printSql(out, result.sql);
  else out.line(`Baselined context ${result.context} at version ${result.version}: migrations up to it will not run.`);
  return 0;
}
