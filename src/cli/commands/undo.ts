/** `shale undo`. */
import { describeTarget } from "../../api/session.js";
import { undo } from "../../api/undo.js";
import { ShaleError } from "../../errors.js";
import { confirm } from "../confirm.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printSql } from "../print-sql.js";
import { progressPrinter } from "../progress.js";

/** Reverts migrations after showing which and asking. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const steps = options.steps === undefined ? undefined : Number(options.steps);
  if (steps !== undefined && !Number.isInteger(steps)) {
    throw new ShaleError("SHALE_E_USAGE", `--steps takes a whole number, not "${options.steps}"`, { hint: "For example --steps 2" });
  }
  const base = {
    ...targetOptions(options),
    allowProtected: Boolean(options.allowProtected),
    ...(steps !== undefined ? { steps } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  };
  const plan = await undo({ ...base, dryRun: true });
  if (options.dryRun) {
    if (out.json) out.document(plan);
    else printSql(out, plan.sql, plan.dialect);
    return 0;
  }
  const target = await describeTarget(base);
  await confirm(out, options, `Revert ${plan.reverted.map((r) => r.script).join(", ")} on ${target.url}?`);
  const result = await undo({ ...base, ...targetOptions(options, progressPrinter(out)) });
  if (out.json) out.document(result);
  else out.line(`Reverted ${result.reverted.length} migration${result.reverted.length === 1 ? "" : "s"} in context ${result.context}.`);
  return 0;
}
