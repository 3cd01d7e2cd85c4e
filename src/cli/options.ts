/** The options commander hands to command handlers, and their translation for the library. */
import type { EventListener, TargetOptions } from "../index.js";

/** Every option any command takes. */
export interface CommandOptions {
  config?: string;
  env?: string;
  context?: string;
  url?: string;
  json?: boolean;
  verbose?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  allowProtected?: boolean;
  to?: string;
  steps?: string;
  outOfOrder?: boolean;
  dialect?: string;
  version?: string;
  sql?: boolean;
  ts?: boolean;
  repeatable?: boolean;
  undo?: boolean;
  from?: string;
  format?: string;
  out?: string;
  exitCode?: boolean;
  fromDb?: boolean;
  /** `diff --rename-table`, `--rename-column`, `--rename-index`: each flag's texts, in order. */
  renameTable?: string[];
  renameColumn?: string[];
  renameIndex?: string[];
}

/** The library's target options from the command line. */
export function targetOptions(options: CommandOptions, onEvent?: EventListener): TargetOptions {
  return {
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
    ...(options.context !== undefined ? { context: options.context } : {}),
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(onEvent ? { onEvent } : {}),
  };
}
