/** The migrations table shared by `status` and `validate`. */
import type { MigrationState, StatusEntry } from "../index.js";
import type { Output, Palette } from "./output.js";

/** Prints migrations as a table, states coloured. */
export function printStatusTable(out: Output, migrations: readonly StatusEntry[]): void {
  if (migrations.length === 0) {
    out.line(out.color.dim("No migrations."));
    return;
  }
  out.table(
    ["Version", "Description", "Type", "State", "Installed on", "Note"],
    migrations.map((m) => [
      m.version ?? "",
      m.description,
      m.type,
      paint(out.color, m.state),
      m.installedOn ? m.installedOn.replace("T", " ").replace(/\.\d+Z$/, "Z") : "",
      note(m),
    ]),
  );
}

function note(m: StatusEntry): string {
  if (m.failure) {
    const at = [
      m.failure.statement ? `statement ${m.failure.statement}` : "",
      m.failure.line ? `line ${m.failure.line}` : "",
      m.failure.resumeAt ? `resumes at statement ${m.failure.resumeAt}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    return `${m.script}${at ? ` (${at})` : ""}: ${m.failure.error ?? ""}`;
  }
  return m.note ?? "";
}

function paint(c: Palette, state: MigrationState): string {
  switch (state) {
    case "applied":
      return c.green(state);
    case "pending":
      return c.cyan(state);
    case "failed":
    case "changed":
    case "missing":
      return c.red(state);
    case "out-of-order":
    case "ignored":
      return c.yellow(state);
  }
}
