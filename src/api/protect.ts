/** Protected environments (SPEC): destructive commands are refused unless explicitly allowed. */
import type { ResolvedTarget } from "../config/resolve.js";
import { ShaleError } from "../errors.js";

/**
 * Throws SHALE_E_PROTECTED when the target's environment is protected and not overridden.
 * A dry run touches nothing, so it is always allowed: it is how one reviews such a change.
 */
export function refuseProtected(target: ResolvedTarget, command: string, options: { allowProtected: boolean; dryRun: boolean }, why = "it destroys data"): void {
  if (!target.environment.protected || options.allowProtected || options.dryRun) return;
  throw new ShaleError(
    "SHALE_E_PROTECTED",
    `Refusing to ${command} on the protected environment "${target.environment.name}" (${target.url.redacted}): ${why}`,
    { hint: `If you really mean it, run the command again with --allow-protected` },
  );
}
