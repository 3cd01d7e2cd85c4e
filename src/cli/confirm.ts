/** Confirmation for destructive commands (SPEC): asked on a terminal, `--yes` answers it, refused otherwise. */
import { ShaleError } from "../errors.js";
import type { CommandOptions } from "./options.js";
import type { Output } from "./output.js";

/** Resolves when the person agreed; throws SHALE_E_CONFIRM_REQUIRED or SHALE_E_ABORTED otherwise. */
export async function confirm(out: Output, options: CommandOptions, question: string): Promise<void> {
  if (options.yes || options.dryRun) return;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new ShaleError("SHALE_E_CONFIRM_REQUIRED", `${question.replace(/\?$/, "")}: this needs a confirmation, and there is no terminal to ask on`, {
      hint: "Pass --yes to confirm, or --dry-run to see the SQL first",
    });
  }
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(out.scrub(`${question} ${out.color.bold("[y/N]")} `));
    if (!/^y(es)?$/i.test(answer.trim())) throw new ShaleError("SHALE_E_ABORTED", "Cancelled: nothing was changed", { hint: "Answer y to go ahead" });
  } finally {
    rl.close();
  }
}

/**
 * Refuses a destructive command on a protected environment before asking anything: there is
 * no point in a confirmation whose "yes" would be refused anyway (`--allow-protected` overrides).
 */
export function refuseProtected(target: { environment: string; url: string; protected: boolean }, command: string, options: CommandOptions): void {
  if (!target.protected || options.allowProtected) return;
  throw new ShaleError("SHALE_E_PROTECTED", `Refusing to ${command} on the protected environment "${target.environment}" (${target.url}): it destroys data`, {
    hint: "If you really mean it, run the command again with --allow-protected",
  });
}
