/**
 * Migration versions: digits separated by `.` or `_`, compared numerically part by part,
 * with trailing zero parts ignored (1 = 1.0), as Flyway does.
 */

/** A parsed version; `text` is the canonical dotted form stored in the history table. */
export interface Version {
  readonly parts: readonly bigint[];
  readonly text: string;
}

const VERSION_RE = /^\d+(?:[._]\d+)*$/;

/** True when `text` is a well-formed version. */
export function isVersionText(text: string): boolean {
  return VERSION_RE.test(text);
}

// Status matches thousands of history rows against files and meets each version text
// several times; versions are immutable, so each text is parsed once per process.
const parsed = new Map<string, Version | undefined>();

/** Parses `1`, `1.2`, `1_2`, `20261121093000`; returns undefined when malformed. */
export function parseVersion(text: string): Version | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const version = parseUncached(text);
  parsed.set(text, version);
  return version;
}

function parseUncached(text: string): Version | undefined {
  if (!VERSION_RE.test(text)) return undefined;
  const parts = text.split(/[._]/).map((p) => BigInt(p));
  while (parts.length > 1 && parts[parts.length - 1] === 0n) parts.pop();
  return { parts, text: parts.map(String).join(".") };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < n; i++) {
    const x = a.parts[i] ?? 0n;
    const y = b.parts[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The version `0`, used by `undo --to 0` to mean "before every migration". */
export const VERSION_ZERO: Version = { parts: [0n], text: "0" };
