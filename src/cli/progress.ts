/** Renders run events: one line per script, a live counter on a terminal for long files. */
import type { EventListener } from "../index.js";
import type { Output } from "./output.js";

/** A listener that prints progress to stderr. */
export function progressPrinter(out: Output): EventListener {
  const c = out.color;
  const live = out.isTerminal && !out.json;
  let pending = "";
  const clear = (): void => {
    if (live && pending) process.stderr.write("\r\u001b[2K");
    pending = "";
  };
  return (event) => {
    switch (event.type) {
      case "lock-wait":
        out.info(c.dim(`waiting for another run to release the lock ${event.key}…`));
        break;
      case "script-start":
        pending = `${c.cyan("→")} ${counter(event.index, event.total)}${event.script}${event.resumeAt ? c.yellow(` (resuming at statement ${event.resumeAt + 1})`) : ""}`;
        if (live) process.stderr.write(pending);
        else if (event.resumeAt) out.info(pending);
        break;
      case "statement-done":
        if (live) process.stderr.write(`\r\u001b[2K${pending} ${c.dim(`statement ${event.index}/${event.total}`)}`);
        break;
      case "script-done":
        clear();
        out.info(`${c.green("✓")} ${event.script} ${c.dim(`${event.ms} ms`)}`);
        break;
      case "script-failed":
        clear();
        out.info(`${c.red("✗")} ${event.script}${event.line ? `:${event.line}` : ""}`);
        break;
      case "notice":
        clear();
        out.info(`${c.yellow("notice")} ${event.script}${event.line ? `:${event.line}` : ""}: ${event.message}`);
        break;
    }
  };
}

function counter(index: number, total: number): string {
  return total > 1 ? `[${index}/${total}] ` : "";
}
