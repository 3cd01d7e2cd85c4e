/** `shale clean`. */
import { clean } from "../../api/clean.js";
import { describeTarget } from "../../api/session.js";
import { confirm, refuseProtected } from "../confirm.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";

/** Drops every object of the target schemas after confirmation. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const base = { ...targetOptions(options), allowProtected: Boolean(options.allowProtected) };
  if (!options.dryRun) {
    const target = await describeTarget(base);
    refuseProtected(target, "clean", options);
    await confirm(out, options, `Drop every object in ${target.url} (environment ${target.environment})?`);
  }
  const result = await clean({ ...base, dryRun: Boolean(options.dryRun) });
  if (out.json) out.document(result);
  else if (result.dryRun) printSql(out, result.sql, result.dialect);
  else out.line(`Cleaned ${result.schemas.join(", ")}: ${result.sql.length} statements run.`);
  return 0;
}
