/**
 * Identity columns and the options of their sequences. PostgreSQL fills in the options left
 * out: ascending sequences run from 1 to the type's maximum, descending ones from the type's
 * minimum to -1, and each starts at its low (ascending) or high (descending) end. The
 * inspector, the normaliser and the renderer all reason about those defaults through here.
 */
import type { ColumnType, Identity } from "../../schema/types.js";
import { INTEGER_RANGES } from "./type-names.js";

/** An identity backed by a sequence (PostgreSQL has no other kind). */
export type SequenceIdentity = Identity & { readonly kind: "always" | "by-default" };

/** Every option of an identity's sequence, as PostgreSQL would set it. */
export interface IdentityOptions {
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly start: string;
  readonly cache: string;
  readonly cycle: boolean;
}

/** The integer type of an identity column's sequence. */
export function identityTypeName(type: ColumnType): string {
  return type.kind === "builtin" ? type.name : "bigint";
}

function ascending(increment: string): boolean {
  return !increment.trim().startsWith("-");
}

/** An identity's options with PostgreSQL's defaults filled in for those left out. */
export function effectiveIdentity(identity: SequenceIdentity, type: string): IdentityOptions {
  const increment = identity.increment ?? "1";
  const range = INTEGER_RANGES[type] ?? INTEGER_RANGES.bigint!;
  const up = ascending(increment);
  const min = identity.min ?? (up ? "1" : range[0]);
  const max = identity.max ?? (up ? range[1] : "-1");
  const start = identity.start ?? (up ? min : max);
  return { increment, min, max, start, cache: identity.cache ?? "1", cycle: identity.cycle === true };
}

/** The identity with only the options that differ from what PostgreSQL would pick anyway. */
export function minimalIdentity(identity: SequenceIdentity, type: string): SequenceIdentity {
  const full = effectiveIdentity(identity, type);
  const defaults = effectiveIdentity({ kind: identity.kind, increment: full.increment }, type);
  const options: { start?: string; increment?: string; min?: string; max?: string; cache?: string; cycle?: boolean } = {};
  if (full.start !== (ascending(full.increment) ? full.min : full.max)) options.start = full.start;
  if (full.increment !== "1") options.increment = full.increment;
  if (full.min !== defaults.min) options.min = full.min;
  if (full.max !== defaults.max) options.max = full.max;
  if (full.cache !== "1") options.cache = full.cache;
  if (full.cycle) options.cycle = true;
  return { kind: identity.kind, ...options };
}
