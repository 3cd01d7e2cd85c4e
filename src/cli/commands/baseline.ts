/** `shale baseline --version V [--from-db]`. */
import { baseline } from "../../api/baseline.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";

/** Records the baseline entry, after writing the baseline file with --from-db. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await baseline({ ...targetOptions(options), dryRun: Boolean(options.dryRun), version: options.version ?? "1", fromDb: Boolean(options.fromDb) });
  if (out.json) {
    out.document(result);
    return 0;
  }
  if (result.dryRun) {
    if (result.file) {
      out.line(out.color.dim(`-- ${result.file.path} (not written: dry run)`));
      out.line(result.file.text.replace(/\n$/, ""));
      out.line(out.color.dim("-- then, in the database:"));
    }
    printSql(out, result.sql, result.dialect);
    return 0;
  }
  if (result.file) out.line(`Wrote ${result.file.path}: the live schema as DDL.`);
  out.line(`Baselined context ${result.context} at version ${result.version}: migrations up to it will not run.`);
  return 0;
}
