/** `shale pull [--format sql] [--out FILE]`. */
import { pull } from "../../api/pull.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";

/** Prints (or writes) the live schema as DDL. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = await pull({
    ...targetOptions(options),
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.out !== undefined ? { out: options.out } : {}),
  });
  if (out.json) {
    // The DDL is in the file already; the document then only says what was written.
    out.document(result.out !== undefined ? { ...result, text: undefined } : result);
  } else if (result.out !== undefined) {
    out.line(`Wrote ${result.out}: ${result.tables} table${result.tables === 1 ? "" : "s"} in ${result.statements} statement${result.statements === 1 ? "" : "s"}.`);
  } else {
    out.line(result.text.replace(/\n$/, ""));
  }
  return 0;
}
