/** `shale status`. */
import { status } from "../../api/status.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { printStatusTable } from "../status-table.js";

/** Prints every migration with its state. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await status(targetOptions(options));
  if (out.json) {
    out.document(result);
    return 0;
  }
  printStatusTable(out, result.migrations);
  out.line(`\nContext ${result.context}: current version ${out.color.bold(result.current ?? "(none)")}.`);
  return 0;
}
