/** Short lists for people: `1, 2, 3` or, for thousands of versions, `1, 2, … 5000 (5000 in all)`. */

/** Joins the items, eliding the middle of a long list. */
export function summarize(items: readonly string[], max = 8): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max - 2).join(", ")}, … ${items[items.length - 1]} (${items.length} in all)`;
}
