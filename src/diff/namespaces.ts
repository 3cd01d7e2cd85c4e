/** Diffs namespaces (schemas) and extensions. */
import { compareStrings } from "../schema/names.js";
import type { Extension, Namespace } from "../schema/types.js";
import type { Change } from "./changes.js";
import { deepEqual } from "./equal.js";
import { matchBy } from "./match.js";

const byPlainName = (a: { name: string }, b: { name: string }): number => compareStrings(a.name, b.name);

/** Creates, drops and comment changes of namespaces. */
export function diffNamespaces(from: readonly Namespace[], to: readonly Namespace[]): Change[] {
  const m = matchBy(from, to, (n) => n.name, byPlainName);
  return [
    ...m.removed.map((namespace): Change => ({ kind: "drop-namespace", namespace })),
    ...m.added.map((namespace): Change => ({ kind: "create-namespace", namespace })),
    ...m.kept.filter(([a, b]) => a.comment !== b.comment).map(([a, b]): Change => ({ kind: "alter-namespace", from: a, to: b })),
  ];
}

/** Creates, drops and version or schema changes of extensions. */
export function diffExtensions(from: readonly Extension[], to: readonly Extension[]): Change[] {
  const m = matchBy(from, to, (e) => e.name, byPlainName);
  return [
    ...m.removed.map((extension): Change => ({ kind: "drop-extension", extension })),
    ...m.added.map((extension): Change => ({ kind: "create-extension", extension })),
    ...m.kept.filter(([a, b]) => !deepEqual(a, b)).map(([a, b]): Change => ({ kind: "alter-extension", from: a, to: b })),
  ];
}
