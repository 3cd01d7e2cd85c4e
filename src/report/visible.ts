/** Names and SQL shown on one line of a report, whatever characters they hold. */

/**
 * Control characters as visible escapes, so a name cannot break a line: in a `--` comment of
 * the SQL script a line break would end the comment and let the rest run as SQL; in Markdown
 * it would break the document's structure.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
