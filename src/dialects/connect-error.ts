/**
 * Connection failures as ShaleErrors. Every dialect's connect() funnels its driver errors
 * through here so that messages name the redacted URL and never carry the password.
 */
import { ShaleError } from "../errors.js";
import { redactUrl, type DatabaseUrl } from "./url.js";

/** Why a connection could not be opened. */
export type ConnectFailureKind = "unreachable" | "auth" | "database-missing";

/** Builds the ShaleError for a failed connection; `hint` replaces the kind's default hint. */
export function connectFailure(
  kind: ConnectFailureKind,
  url: DatabaseUrl,
  driverError: unknown,
  hint?: string,
): ShaleError {
  const reason = scrub(url, errorMessage(driverError));
  const cause = scrubbedCause(url, driverError);
  switch (kind) {
    case "unreachable":
      return new ShaleError("SHALE_E_CONNECT", `Cannot connect to ${url.redacted}: ${reason}`, {
        hint: hint ?? "Is the database server running, and are the host and port in the URL right?",
        cause,
      });
    case "auth":
      return new ShaleError("SHALE_E_AUTH", `The server refused the login for ${url.redacted}: ${reason}`, {
        hint: hint ?? "Check the user and password in the URL or the environment",
        cause,
      });
    case "database-missing":
      return new ShaleError(
        "SHALE_E_DATABASE_NOT_FOUND",
        `The database "${url.database ?? ""}" does not exist on the server of ${url.redacted}`,
        { hint: hint ?? "Create the database first", cause },
      );
  }
}

/** Node reports a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError with no message of its own. */
function errorMessage(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return err.errors.map(errorMessage).join("; ");
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/**
 * Drivers do not echo passwords today; this keeps it that way if one ever does. Passwords
 * shorter than 4 characters are left alone: masking them would garble every message.
 */
function scrub(url: DatabaseUrl, text: string): string {
  const redacted = redactUrl(text);
  const password = url.password;
  if (!password || password.length < 4) return redacted;
  return redacted.split(password).join("****");
}

function scrubbedCause(url: DatabaseUrl, err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const message = scrub(url, err.message);
  const stack = err.stack === undefined ? undefined : scrub(url, err.stack);
  if (message === err.message && stack === err.stack) return err;
  const clean = new Error(message);
  clean.stack = stack;
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) Object.assign(clean, { code });
  return clean;
}
