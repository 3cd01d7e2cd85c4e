/**
 * How PostgreSQL objects compare beyond plain equality: SQL text (expressions, view, routine
 * and trigger definitions) is equal when it differs only in blanks outside quoted text, which
 * is how the same definition can come back from servers that lay it out differently.
 */
import type { DiffHooks } from "../../diff/options.js";

/** SQL text with each run of blanks outside quotes made one space, and no blanks at the ends. */
function collapseBlanks(sql: string): string {
  let out = "";
  let quote: string | undefined;
  let pendingSpace = false;
  for (const char of sql.trim()) {
    if (quote === undefined && /\s/.test(char)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace) out += " ";
    pendingSpace = false;
    out += char;
    if (quote === undefined && (char === "'" || char === '"')) quote = char;
    else if (char === quote) quote = undefined;
  }
  return out;
}

function sameText(a: string, b: string): boolean {
  return a === b || collapseBlanks(a) === collapseBlanks(b);
}

/** The PostgreSQL diff hooks. */
export const diffHooks: DiffHooks = {
  sameExpression: sameText,
  sameDefinition: sameText,
};
