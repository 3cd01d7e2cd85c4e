/** Prints the statements of a dry run as a script a person could read, or run with the database's own client. */
import { dryRunScript } from "../api/sql-script.js";
import type { DialectName } from "../dialects/url.js";
import type { Output } from "./output.js";

/** Writes each statement with the terminator its dialect's client needs; comment lines (script headers) dimmed. */
export function printSql(out: Output, statements: readonly string[], dialect: DialectName): void {
  if (statements.length === 0) {
    out.line(out.color.dim("-- nothing to run"));
    return;
  }
  for (const line of dryRunScript(statements, dialect)) out.line(line.comment ? out.color.dim(line.text) : line.text);
}
