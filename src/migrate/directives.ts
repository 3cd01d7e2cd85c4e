/**
 * Directives: `-- shale:<name>` comments at the top of a SQL file (before its first
 * statement). An unknown directive is an error, so a typo never silently changes a run.
 */
import { ShaleError } from "../errors.js";

/** What the directives of a file ask for. */
export interface Directives {
  /** Run the file statement by statement, outside any transaction. */
  readonly noTransaction: boolean;
}

const KNOWN = new Set(["no-transaction"]);

/** Reads the directives from the comment lines at the top of a SQL file. */
export function parseDirectives(content: string, displayPath: string, language: "sql" | "ts"): Directives {
  let noTransaction = false;
  if (language !== "sql") return { noTransaction };
  // Directives sit above the first statement: walk lines only that far, not the whole file.
  let at = 0;
  for (let i = 0; at < content.length; i++) {
    const eol = content.indexOf("\n", at);
    const line = content.slice(at, eol < 0 ? content.length : eol).trim();
    at = eol < 0 ? content.length : eol + 1;
    if (line === "") continue;
    if (!line.startsWith("--")) break;
    const m = /^--\s*shale:\s*([a-z-]*)\s*$/i.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (!KNOWN.has(name)) {
      throw new ShaleError("SHALE_E_DIRECTIVE", `${displayPath}:${i + 1}: unknown directive "shale:${name}"`, {
        file: displayPath,
        line: i + 1,
        hint: `Known directives: ${[...KNOWN].map((k) => `-- shale:${k}`).join(", ")}`,
      });
    }
    if (name === "no-transaction") noTransaction = true;
  }
  return { noTransaction };
}
