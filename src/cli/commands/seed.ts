/** `shale seed`. */
import { seed } from "../../api/seed.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";
import { progressPrinter } from "../progress.js";

/** Applies new or changed seeds. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await seed({ ...targetOptions(options, options.dryRun ? undefined : progressPrinter(out)), dryRun: Boolean(options.dryRun) });
  if (out.json) out.document(result);
  else if (result.dryRun) printSql(out, result.sql, result.dialect);
  else out.line(`Applied ${result.applied.length} seed${result.applied.length === 1 ? "" : "s"}; ${result.unchanged.length} unchanged.`);
  return 0;
}
