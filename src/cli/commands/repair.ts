/** `shale repair`. */
import { repair } from "../../api/repair.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";

/** Removes failed entries and realigns checksums, saying what it did. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await repair({ ...targetOptions(options), dryRun: Boolean(options.dryRun) });
  if (out.json) {
    out.document(result);
    return 0;
  }
  if (result.dryRun) {
    printSql(out, result.sql, result.dialect);
    return 0;
  }
  for (const s of result.removedFailed) out.line(`${out.color.green("removed")} failed entry ${s}`);
  for (const s of result.realigned) out.line(`${out.color.green("realigned")} checksum of ${s}`);
  for (const s of result.missing) out.line(`${out.color.yellow("left")} ${s}: applied but its file is gone (restore it, or \`shale unmark\`)`);
  if (!result.removedFailed.length && !result.realigned.length) out.line("Nothing to repair.");
  return 0;
}
