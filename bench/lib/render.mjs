/** Turns benchmark sections into Markdown. */
import { table } from "./report.mjs";

/** One benchmark's section: title, what was measured, results, goals, notes. */
export function renderSection(s, { goals = true } = {}) {
  const parts = [`## ${s.title}`, "", s.intro, "", s.table];
  if (goals && s.goals?.length) {
    parts.push("", table(["goal", "measured", "met"], s.goals.map((g) => [g.goal, g.measured, g.met ? "yes" : "**NO**"]), ["l", "l", "l"]));
  }
  if (s.notes?.length) parts.push("", ...s.notes.map((n) => `- ${n.replace(/\n/g, " ")}`));
  return parts.join("\n");
}

export function printSection(s) {
  process.stdout.write(`${renderSection(s)}\n`);
}
