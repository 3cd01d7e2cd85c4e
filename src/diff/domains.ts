/** Diffs domains: a changed domain is altered in place. */
import { compareNames, qualifiedKey } from "../schema/names.js";
import type { Domain } from "../schema/types.js";
import type { Change } from "./changes.js";
import { sameCheck } from "./constraints.js";
import type { Compare } from "./equal.js";
import { matchBy } from "./match.js";

function sameDomain(a: Domain, b: Domain, cmp: Compare): boolean {
  return (
    cmp.type(a.type, b.type) &&
    a.nullable === b.nullable &&
    cmp.expression(a.default, b.default) &&
    a.collation === b.collation &&
    a.comment === b.comment &&
    a.checks.length === b.checks.length &&
    a.checks.every((check) => b.checks.some((other) => sameCheck(check, other, cmp)))
  );
}

/** Creates, drops and changes of domains. */
export function diffDomains(from: readonly Domain[], to: readonly Domain[], cmp: Compare): Change[] {
  const m = matchBy(from, to, qualifiedKey, compareNames);
  return [
    ...m.removed.map((domain): Change => ({ kind: "drop-domain", domain })),
    ...m.added.map((domain): Change => ({ kind: "create-domain", domain })),
    ...m.kept.filter(([a, b]) => !sameDomain(a, b, cmp)).map(([a, b]): Change => ({ kind: "alter-domain", from: a, to: b })),
  ];
}
