/** `shale init`. */
import { init } from "../../api/init.js";
import type { DialectName } from "../../dialects/url.js";
import type { CommandOptions } from "../options.js";
import type { Output } from "../output.js";

/** Writes a starter project in the working directory. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  const result = init({ dialect: (options.dialect ?? "sqlite") as DialectName });
  if (out.json) out.document(result);
  else {
    for (const path of result.created) out.line(`${out.color.green("created")} ${path}`);
    out.line(`\nNext: ${out.color.bold('shale new "create users"')}, write the SQL, then ${out.color.bold("shale migrate")}`);
  }
  return 0;
}
