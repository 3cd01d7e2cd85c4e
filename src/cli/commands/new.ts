/** `shale new <description>`. */
import { newMigration } from "../../api/new-migration.js";
import { ShaleError } from "../../errors.js";
import type { CommandOptions } from "../options.js";
import type { Output } from "../output.js";

/** Creates a migration file (and its undo file with --undo). */
export async function run(args: string[], options: CommandOptions, out: Output): Promise<number> {
  if (options.sql && options.ts) throw new ShaleError("SHALE_E_USAGE", "Choose --sql or --ts, not both", { hint: "SQL is the default" });
  const result = await newMigration({
    description: args.join(" "),
    language: options.ts ? "ts" : "sql",
    repeatable: Boolean(options.repeatable),
    undo: Boolean(options.undo),
    ...(options.config ? { config: options.config } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  if (out.json) out.document(result);
  else for (const file of result.files) out.line(`${out.color.green("created")} ${file}`);
  return 0;
}
