/** How MySQL compares expressions and definitions that may be spelled differently. */
import type { DiffHooks } from "../../diff/options.js";
import { membershipKey } from "./expression-sets.js";
import { expressionKey, segments } from "./sql-text.js";

/**
 * A comparison key for a view, trigger or routine definition: whitespace outside quotes
 * collapsed, and dropped next to punctuation; literals and quoted names kept as written.
 */
function definitionKey(sql: string): string {
  return segments(sql.trim())
    .map((part) => (part.kind === "code" ? part.text.replace(/\s+/g, " ").replace(/ ?([(),;=<>+*/-]) ?/g, "$1") : part.text))
    .join("");
}

/**
 * The MySQL diff hooks: expressions and definitions compare by their keys; expressions that test
 * membership of the same set (IN lists in another order, OR chains of equalities) are equal.
 */
export const mysqlDiffHooks: DiffHooks = {
  sameExpression: (a, b) => expressionKey(a) === expressionKey(b) || membershipKey(a) === membershipKey(b),
  sameDefinition: (a, b) => definitionKey(a) === definitionKey(b),
};
