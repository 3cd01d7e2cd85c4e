/** Prints the statements of a dry run as a script a person could read or run. */
import type { Output } from "./output.js";

/** Writes each statement with its terminator; comment lines (script headers) as they are. */
export function printSql(out: Output, statements: readonly string[]): void {
  if (statements.length === 0) {
    out.line(out.color.dim("-- nothing to run"));
    return;
  }
  for (const sql of statements) {
    if (/^--[^\n]*$/.test(sql)) out.line(out.color.dim(sql));
    else out.line(`${sql};`);
  }
}
