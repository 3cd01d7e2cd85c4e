/**
 * What a run reports while it works. The engine only emits these; the CLI renders them,
 * and an application can log them.
 */

/** One thing that happened during a run. */
export type RunEvent =
  | { readonly type: "lock-wait"; readonly key: string }
  | { readonly type: "script-start"; readonly script: string; readonly index: number; readonly total: number; readonly resumeAt?: number }
  | { readonly type: "statement-done"; readonly script: string; readonly index: number; readonly total: number }
  | { readonly type: "script-done"; readonly script: string; readonly ms: number }
  | { readonly type: "script-failed"; readonly script: string; readonly line: number | undefined; readonly message: string }
  | { readonly type: "notice"; readonly script: string; readonly line: number | undefined; readonly message: string };

/** Receives run events. */
export type EventListener = (event: RunEvent) => void;

/** A listener that drops everything. */
export const ignoreEvents: EventListener = () => {};
