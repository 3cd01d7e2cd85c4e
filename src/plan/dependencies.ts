/**
 * The order of sequences, enums, domains, routines and views among themselves, by what each
 * needs: a domain its base type and what its default and checks call, a routine what its text
 * names (argument types, other routines, sequences), a view the views it reads and the
 * routines it calls. Text-only dependencies are found by mentions.ts.
 */
import { assertNever, type Change } from "../diff/changes.js";
import { compareNames, compareStrings, qualifiedKey, sameName } from "../schema/names.js";
import type { ColumnType, Domain, QualifiedName, Routine, View } from "../schema/types.js";
import { isWord, mentions, wordsOf } from "./mentions.js";
import { graphOrder } from "./order.js";

/** The object a change makes, alters or drops, for the kinds ordered here. */
type Subject =
  | { readonly sort: "sequence" | "enum"; readonly object: QualifiedName }
  | { readonly sort: "domain"; readonly object: Domain }
  | { readonly sort: "routine"; readonly object: Routine }
  | { readonly sort: "view"; readonly object: View };

/** The object of a change whose kind is ordered by dependencies; undefined for other kinds. */
export function subjectOf(change: Change): Subject | undefined {
  switch (change.kind) {
    case "create-sequence":
    case "drop-sequence":
      return { sort: "sequence", object: change.sequence };
    case "create-enum":
    case "drop-enum":
      return { sort: "enum", object: change.enum };
    case "add-enum-values":
    case "rebuild-enum":
      return { sort: "enum", object: change.to };
    case "create-domain":
    case "drop-domain":
      return { sort: "domain", object: change.domain };
    case "alter-domain":
      return { sort: "domain", object: change.to };
    case "create-routine":
    case "drop-routine":
      return { sort: "routine", object: change.routine };
    case "replace-routine":
      return { sort: "routine", object: change.to };
    case "create-view":
    case "drop-view":
      return { sort: "view", object: change.view };
    case "replace-view":
      return { sort: "view", object: change.to };
    case "create-namespace":
    case "drop-namespace":
    case "alter-namespace":
    case "create-extension":
    case "drop-extension":
    case "alter-extension":
    case "alter-enum-comment":
    case "alter-sequence":
    case "create-table":
    case "drop-table":
    case "rename-table":
    case "alter-table":
    case "add-column":
    case "drop-column":
    case "rename-column":
    case "alter-column":
    case "add-primary-key":
    case "drop-primary-key":
    case "add-unique":
    case "drop-unique":
    case "add-foreign-key":
    case "drop-foreign-key":
    case "add-check":
    case "drop-check":
    case "alter-constraint-comment":
    case "create-index":
    case "drop-index":
    case "rename-index":
    case "alter-index":
    case "alter-view-comment":
    case "create-trigger":
    case "drop-trigger":
    case "alter-trigger-comment":
      return undefined;
    default:
      return assertNever(change);
  }
}

/** Whether a column or domain type is `name`, or an array of it. */
export function typeIs(type: ColumnType, name: QualifiedName): boolean {
  if (type.kind === "array") return typeIs(type.element, name);
  return type.kind === "named" && sameName(type, name);
}

/** The name of a named type, or of an array's element; "" for others. */
function baseName(type: ColumnType): string {
  if (type.kind === "array") return baseName(type.element);
  return type.kind === "named" ? type.name : "";
}

/** The SQL text whose mentions are a subject's dependencies. */
function textOf(subject: Subject): string {
  switch (subject.sort) {
    case "domain":
      return [subject.object.default ?? "", ...subject.object.checks.map((c) => c.expression)].join("\n");
    case "routine":
    case "view":
      return subject.object.definition;
    case "sequence":
    case "enum":
      return "";
    default:
      return assertNever(subject, "dependency subject");
  }
}

const signatureOf = (s: Subject): string => (s.sort === "routine" ? s.object.signature : "");

/** Whether `a` needs `b` to exist first. */
function needs(a: Subject, b: Subject): boolean {
  if (a.sort === "domain" && (b.sort === "enum" || b.sort === "domain") && typeIs(a.object.type, b.object)) return true;
  if (a.sort === "view" && b.sort === "view" && a.object.dependsOn) return a.object.dependsOn.some((d) => sameName(d, b.object));
  return mentions(textOf(a), b.object.name);
}

/**
 * Positions of `members` (indexes into `changes`) in an order where each comes after what it
 * needs; ties keep `rank` order, then name. With `reverse`, dependants come first (for drops).
 */
export function dependencyPositions(changes: readonly Change[], members: readonly number[], rank: (c: Change) => number, reverse = false): Map<number, number> {
  const subjects = new Map(members.map((i) => [i, subjectOf(changes[i]!)!]));
  const sorted = [...members].sort((x, y) => {
    const a = subjects.get(x)!;
    const b = subjects.get(y)!;
    return rank(changes[x]!) - rank(changes[y]!) || compareNames(a.object, b.object) || compareStrings(signatureOf(a), signatureOf(b)) || x - y;
  });
  const named = new Map<string, number[]>();
  const odd: number[] = [];
  for (const i of sorted) {
    const name = subjects.get(i)!.object.name;
    if (!isWord(name)) odd.push(i);
    const list = named.get(name.toLowerCase());
    if (list) list.push(i);
    else named.set(name.toLowerCase(), [i]);
  }
  // Candidates by name first (a dependency is always named), then the exact test.
  const candidates = (a: Subject): Set<number> => {
    const found = new Set(odd);
    const add = (name: string): void => void named.get(name.toLowerCase())?.forEach((i) => found.add(i));
    for (const word of wordsOf(textOf(a))) add(word);
    if (a.sort === "domain") add(baseName(a.object.type));
    if (a.sort === "view") a.object.dependsOn?.forEach((d) => add(d.name));
    return found;
  };
  const sameObject = (a: Subject, b: Subject): boolean =>
    a.sort === b.sort && qualifiedKey(a.object) === qualifiedKey(b.object) && signatureOf(a) === signatureOf(b);
  const dependsOn = (key: string): string[] => {
    const a = subjects.get(Number(key))!;
    return [...candidates(a)].filter((y) => !sameObject(a, subjects.get(y)!) && needs(a, subjects.get(y)!)).map(String);
  };
  const order = graphOrder(sorted.map(String), dependsOn).order.map(Number);
  if (reverse) order.reverse();
  return new Map(order.map((i, at) => [i, at]));
}
