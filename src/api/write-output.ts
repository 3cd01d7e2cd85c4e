/** Writing a report or DDL to the file named by `--out`. */
import { writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { ShaleError } from "../errors.js";

/** Writes `text` to `out` (relative to `cwd`, replaced if it exists) and returns the path as given. */
export function writeOutput(out: string, text: string, cwd: string): string {
  const path = resolve(cwd, out);
  try {
    writeFileSync(path, text);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "its folder does not exist" : (err as Error).message;
    throw new ShaleError("SHALE_E_FILE_WRITE", `Cannot write ${out}: ${reason}`, {
      file: relative(cwd, path) || out,
      hint: "Pass --out a file in an existing folder you may write to",
      cause: err,
    });
  }
  return out;
}
