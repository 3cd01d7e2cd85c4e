/** `shale reset`: clean + migrate + seed. */
import { reset } from "../../api/reset.js";
import { describeTarget } from "../../api/session.js";
import { confirm, refuseProtected } from "../confirm.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";
import { progressPrinter } from "../progress.js";

/** Drops everything and rebuilds it from the migrations and seeds, after confirmation. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const base = { ...targetOptions(options), allowProtected: Boolean(options.allowProtected) };
  if (!options.dryRun) {
    const target = await describeTarget(base);
    refuseProtected(target, "reset", options);
    await confirm(out, options, `Drop every object in ${target.url} (environment ${target.environment}) and rebuild it?`);
  }
  const result = await reset({ ...base, ...targetOptions(options, options.dryRun ? undefined : progressPrinter(out)), dryRun: Boolean(options.dryRun) });
  if (out.json) out.document(result);
  else if (result.dryRun) printSql(out, result.sql, result.dialect);
  else out.line(`Reset context ${result.context}: ${result.migrate.applied.length} migrations and ${result.seed.applied.length} seeds applied; now at version ${result.migrate.current ?? "(none)"}.`);
  return 0;
}
