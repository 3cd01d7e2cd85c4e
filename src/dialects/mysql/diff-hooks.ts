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
 * Column, index and constraint names are case-insensitive on every platform (`É` and `é` are one
 * column, `é` and `e` two), so they compare lower-cased; table names are left alone, as with
 * lower_case_table_names = 0 (Linux's default) `Users` and `users` are two tables. Columns keep
 * the order DDL gives them, and MODIFY COLUMN … AFTER changes it, so the order counts.
 */
export const mysqlDiffHooks: DiffHooks = {
  sameExpression: (a, b) => expressionKey(a) === expressionKey(b) || membershipKey(a) === membershipKey(b),
  sameDefinition: (a, b) => definitionKey(a) === definitionKey(b),
  nameKey: (kind, name) => (kind === "table" ? name : name.toLowerCase()),
  columnOrder: true,
};
