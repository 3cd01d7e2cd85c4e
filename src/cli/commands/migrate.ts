/** `shale migrate`. */
import { migrate } from "../../api/migrate.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";
import { progressPrinter } from "../progress.js";

/** Applies pending migrations, printing progress; under --dry-run prints the SQL instead. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await migrate({
    ...targetOptions(options, options.dryRun ? undefined : progressPrinter(out)),
    dryRun: Boolean(options.dryRun),
    outOfOrder: Boolean(options.outOfOrder),
    ...(options.to !== undefined ? { to: options.to } : {}),
  });
  if (out.json) {
    out.document(result);
    return 0;
  }
  if (result.dryRun) {
    printSql(out, result.sql, result.dialect);
    return 0;
  }
  const n = result.applied.length;
  out.line(
    n === 0
      ? `Nothing to migrate: context ${result.context} is at version ${result.current ?? "(none)"}.`
      : `Applied ${n} migration${n === 1 ? "" : "s"} in context ${result.context}; now at version ${result.current ?? "(none)"}.`,
  );
  return 0;
}
