/**
 * The statements a dry run collected, as a script the database's own client (psql,
 * mysql/mariadb, sqlite3) runs as it is printed: the same terminators `shale diff` writes.
 */
import type { DialectName } from "../dialects/url.js";
import { terminated } from "../report/sql.js";

/** One line of a dry-run script; `comment` marks the lines that name the file that follows. */
export interface ScriptLine {
  readonly text: string;
  readonly comment: boolean;
}

/** Each statement with its terminator (between DELIMITER lines where MySQL needs them); comment entries as they are. */
export function dryRunScript(statements: readonly string[], dialect: DialectName): ScriptLine[] {
  return statements.flatMap((sql): ScriptLine[] =>
    /^--[^\n]*$/.test(sql) ? [{ text: sql, comment: true }] : terminated(sql, dialect).map((text) => ({ text, comment: false })),
  );
}
