/**
 * Every error shale raises on purpose is a ShaleError: a stable code a script can match,
 * a message a person can act on, a hint, and the file and line when a file is involved.
 */

/** What kind of failure a code stands for; it decides the process exit code. */
export type ErrorKind = "usage" | "database";

/** Stable error codes, with the kind of each. */
export const ERROR_CODES = {
  SHALE_E_USAGE: "usage",
  SHALE_E_CONFIG: "usage",
  SHALE_E_CONFIG_LOAD: "usage",
  SHALE_E_CONFIG_NOT_FOUND: "usage",
  SHALE_E_URL: "usage",
  SHALE_E_NO_URL: "usage",
  SHALE_E_DIALECT_MISMATCH: "usage",
  SHALE_E_UNSUPPORTED_CHANGE: "usage",
  SHALE_E_INVALID_SCHEMA: "usage",
  SHALE_E_UNKNOWN_ENV: "usage",
  SHALE_E_UNKNOWN_CONTEXT: "usage",
  SHALE_E_CONTEXT_REQUIRED: "usage",
  SHALE_E_FOLDER_MISSING: "usage",
  SHALE_E_FILE_NAME: "usage",
  SHALE_E_DUPLICATE_VERSION: "usage",
  SHALE_E_FILE_READ: "usage",
  SHALE_E_FILE_ENCODING: "usage",
  SHALE_E_EMPTY_MIGRATION: "usage",
  SHALE_E_TS_MIGRATION: "usage",
  SHALE_E_SPLIT: "usage",
  SHALE_E_DIRECTIVE: "usage",
  SHALE_E_TRANSACTION_CONTROL: "usage",
  SHALE_E_UNKNOWN_VERSION: "usage",
  SHALE_E_NO_UNDO: "usage",
  SHALE_E_PROTECTED: "usage",
  SHALE_E_CONFIRM_REQUIRED: "usage",
  SHALE_E_ABORTED: "usage",
  SHALE_E_FILE_EXISTS: "usage",
  SHALE_E_FILE_WRITE: "usage",
  SHALE_E_DIFF_SOURCE: "usage",
  SHALE_E_RENAME: "usage",
  SHALE_E_CONNECT: "database",
  SHALE_E_AUTH: "database",
  SHALE_E_DATABASE_NOT_FOUND: "database",
  SHALE_E_DRIVER: "database",
  SHALE_E_DB: "database",
  SHALE_E_LOCK_TIMEOUT: "database",
  SHALE_E_MIGRATION_FAILED: "database",
  SHALE_E_CHECKSUM: "database",
  SHALE_E_FAILED_ENTRY: "database",
  SHALE_E_MISSING_FILE: "database",
  SHALE_E_IGNORED: "database",
  SHALE_E_RESUME_CHANGED: "database",
  SHALE_E_BASELINE: "database",
  SHALE_E_HISTORY: "database",
  SHALE_E_INSPECT: "database",
} as const satisfies Record<string, ErrorKind>;

/** One of shale's error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in a file an error points. */
export interface ErrorLocation {
  file?: string;
  line?: number;
}

/** Options for a ShaleError besides its code and message. */
export interface ShaleErrorOptions extends ErrorLocation {
  hint?: string;
  cause?: unknown;
}

/** An error with a stable code, a hint, and optional file and line. */
export class ShaleError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: ErrorCode, message: string, options: ShaleErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ShaleError";
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    this.line = options.line;
  }

  /** usage errors exit 2, database and migration failures exit 3 (SPEC, exit codes). */
  get exitCode(): 2 | 3 {
    return ERROR_CODES[this.code] === "usage" ? 2 : 3;
  }

  /** The JSON shape SPEC gives for an error under --json. */
  toJSON(): { code: ErrorCode; message: string; hint: string | null; file: string | null; line: number | null } {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint ?? null,
      file: this.file ?? null,
      line: this.line ?? null,
    };
  }
}

/** True when `err` is a ShaleError, optionally with the given code. */
export function isShaleError(err: unknown, code?: ErrorCode): err is ShaleError {
  return err instanceof ShaleError && (code === undefined || err.code === code);
}
