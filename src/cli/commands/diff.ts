/**
 * `shale diff --from SRC --to SRC [--format sql|md|json] [--out FILE] [--exit-code]
 * [--rename-table OLD=NEW]... [--rename-column TABLE.OLD=NEW]... [--rename-index TABLE.OLD=NEW]...`.
 */
import { diff, type DiffFormat } from "../../api/diff.js";
import { ShaleError } from "../../errors.js";
import { targetOptions, type CommandOptions } from "../options.js";
import type { Output } from "../output.js";
import { hasRenameFlags, renamesFromFlags, type RenameFlags } from "../rename-flags.js";

/** Prints (or writes) the report; exits 1 with --exit-code when the databases differ. */
export async function run(_args: string[], options: CommandOptions, out: Output): Promise<number> {
  if (options.url !== undefined) {
    throw new ShaleError("SHALE_E_USAGE", "diff reads the databases named by --from and --to; --url is not used", {
      hint: "Pass the URL as --from or --to",
    });
  }
  if (out.json && options.format !== undefined && options.format !== "json" && options.out === undefined) {
    throw new ShaleError("SHALE_E_USAGE", `--json prints the JSON report on stdout, so --format ${options.format} needs --out`, {
      hint: `Add --out FILE for the ${options.format} report, or drop --format`,
    });
  }
  const format = (options.format ?? (out.json ? "json" : "sql")) as DiffFormat;
  const flags: RenameFlags = { tables: options.renameTable ?? [], columns: options.renameColumn ?? [], indexes: options.renameIndex ?? [] };
  const result = await diff({
    ...targetOptions(options),
    from: options.from ?? "",
    to: options.to ?? "",
    format,
    ...(options.out !== undefined ? { out: options.out } : {}),
    // How a flag's table name reads depends on the dialect, which the sources decide.
    ...(hasRenameFlags(flags) ? { renames: (dialect) => renamesFromFlags(flags, dialect) } : {}),
  });
  const code = options.exitCode && result.changes > 0 ? 1 : 0;
  if (out.json) {
    out.document(result.report);
    return code;
  }
  const counts = result.changes === 0 ? "no changes" : `${result.changes} change${result.changes === 1 ? "" : "s"} (${result.destructive} destructive)`;
  if (result.out !== undefined) out.line(`Wrote ${result.out}: ${counts}.`);
  else out.line(result.text.replace(/\n$/, ""));
  return code;
}
