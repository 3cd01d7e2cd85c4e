/**
 * Which corpus cases apply to the server at hand, and why the others do not. Each rule
 * mirrors how upstream decides (see the corpus README) or names what this runner cannot give
 * a case (a SQL parser without a database, sqldef's own error texts, roles).
 */
import type { DialectName } from "../../src/dialects/dialect.js";
import type { CorpusCase } from "./loader.js";

/** What the runner knows about the live server. */
export interface ServerInfo {
  readonly dialect: DialectName;
  /** The server's version, such as "15.20", "10.11.19" or "3.53.2". */
  readonly version: string;
  /** The flavors this server counts as: "mariadb" for MariaDB, "pgvector" with the vector extension. */
  readonly flavors: readonly string[];
}

/** Whether a case runs, and if not, why. */
export type Selection = { readonly run: true } | { readonly run: false; readonly reason: string };

const RUN: Selection = { run: true };

/** Decides whether `c` applies to `server`; the first rule that excludes it gives the reason. */
export function selectCase(c: CorpusCase, server: ServerInfo): Selection {
  if (c.offline) return skip("offline case: needs a SQL parser, no database");
  if (c.error !== undefined) return skip("expects sqldef's own error text");
  if (c.user !== undefined) return skip(`needs roles/privileges (runs as role ${c.user})`);
  if (c.managedRoles.length > 0) return skip("needs roles/privileges (managed_roles)");
  if (c.manage.length > 0) return skip(`needs roles/privileges (manage: ${c.manage.join(", ")})`);
  const flavor = flavorProblem(c.flavor, server);
  if (flavor) return skip(flavor);
  if (c.minVersion !== undefined && compareVersions(server.version, c.minVersion) < 0) {
    return skip(`needs server version >= ${c.minVersion} (server is ${server.version})`);
  }
  if (c.maxVersion !== undefined && compareVersions(server.version, c.maxVersion) > 0) {
    return skip(`needs server version <= ${c.maxVersion} (server is ${server.version})`);
  }
  return RUN;
}

function skip(reason: string): Selection {
  return { run: false, reason };
}

/**
 * Why the case's flavor rules this server out, or undefined when it does not. A plain
 * flavor must be one the server counts as; "!x" excludes servers that count as x.
 */
function flavorProblem(flavor: string | undefined, server: ServerInfo): string | undefined {
  if (flavor === undefined) return undefined;
  const wanted = flavor.trim();
  if (wanted.startsWith("!")) {
    const excluded = wanted.slice(1).trim();
    return server.flavors.includes(excluded) ? `flavor ${wanted}: not for ${excluded}` : undefined;
  }
  return server.flavors.includes(wanted) ? undefined : `flavor ${wanted} only (server: ${describeServer(server)})`;
}

function describeServer(server: ServerInfo): string {
  return server.flavors.length > 0 ? server.flavors.join(", ") : server.dialect;
}

/**
 * Compares a server version with a gate, segment by segment, on the segments the gate gives
 * only: a gate "8.0" is met by 8.0.17, and a maximum "5.7" still admits 5.7.44.
 */
export function compareVersions(server: string, gate: string): number {
  const wanted = segments(gate);
  const actual = segments(server);
  for (let i = 0; i < wanted.length; i++) {
    const a = actual[i] ?? 0;
    const b = wanted[i]!;
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

function segments(version: string): number[] {
  const m = /^\s*(\d+(?:\.\d+)*)/.exec(version);
  if (!m) throw new Error(`Not a version number: "${version}"`);
  return m[1]!.split(".").map(Number);
}
