/**
 * Diffs a table's keys and checks: any change is a drop of the old one and an add of the new,
 * except a change of comment alone, which is an alter-constraint-comment.
 */
import { compareStrings, sameName } from "../schema/names.js";
import type { Check, ForeignKey, PrimaryKey, QualifiedName, UniqueConstraint } from "../schema/types.js";
import type { Change, ConstraintKind } from "./changes.js";
import { type Compare, deepEqual, sameFlag } from "./equal.js";
import { matchBy } from "./match.js";
import { qualified, type TablePair } from "./table-renames.js";

interface DeferrableParts {
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

function sameDeferrable(a: DeferrableParts, b: DeferrableParts): boolean {
  return sameFlag(a.deferrable, b.deferrable) && sameFlag(a.initiallyDeferred, b.initiallyDeferred);
}

/** Whether two optional names name the same thing: equal keys, or one side leaves its name out. */
function sameOptionalName(a: string | undefined, b: string | undefined, key: (name: string) => string): boolean {
  return a === undefined || b === undefined || a === b || key(a) === key(b);
}

function samePrimaryKey(a: PrimaryKey, b: PrimaryKey, cmp: Compare): boolean {
  return sameOptionalName(a.name, b.name, (n) => cmp.nameKey("constraint", n)) && deepEqual(a.columns, b.columns) && sameDeferrable(a, b);
}

function sameUnique(a: UniqueConstraint, b: UniqueConstraint): boolean {
  return deepEqual(a.columns, b.columns) && sameFlag(a.nullsNotDistinct, b.nullsNotDistinct) && sameDeferrable(a, b);
}

/** Whether two foreign keys are the same; MATCH SIMPLE is the default on every database. */
export function sameForeignKey(a: ForeignKey, b: ForeignKey): boolean {
  return (
    deepEqual(a.columns, b.columns) &&
    sameName(a.references, b.references) &&
    deepEqual(a.referencedColumns, b.referencedColumns) &&
    a.onDelete === b.onDelete &&
    a.onUpdate === b.onUpdate &&
    (a.match ?? "simple") === (b.match ?? "simple") &&
    sameFlag(a.notValid, b.notValid) &&
    sameDeferrable(a, b)
  );
}

/** Whether two checks say the same thing (their names too, when both have one). */
export function sameCheck(a: Check, b: Check, cmp: Compare): boolean {
  return (
    sameOptionalName(a.name, b.name, (n) => cmp.nameKey("check", n)) &&
    cmp.expression(a.expression, b.expression) &&
    sameFlag(a.notValid, b.notValid) &&
    sameFlag(a.noInherit, b.noInherit)
  );
}

/** A kept constraint and its target, and the name it has in the database (the `from` side's), which a comment change names it by. */
interface KeptConstraint {
  readonly name: string | undefined;
  readonly from: { readonly comment?: string };
  readonly to: { readonly comment?: string };
}

/** An alter-constraint-comment for each kept constraint whose comment differs. */
function commentChanges(table: QualifiedName, kind: ConstraintKind, kept: readonly KeptConstraint[]): Change[] {
  return kept
    .filter((k) => k.from.comment !== k.to.comment)
    .map((k): Change => ({
      kind: "alter-constraint-comment",
      table,
      constraint: { kind, ...(k.name !== undefined ? { name: k.name } : {}) },
      ...(k.from.comment !== undefined ? { from: k.from.comment } : {}),
      ...(k.to.comment !== undefined ? { to: k.to.comment } : {}),
    }));
}

function diffPrimaryKey(pair: TablePair, cmp: Compare): { changes: Change[]; kept: KeptConstraint[] } {
  const a = pair.from.primaryKey;
  const b = pair.to.primaryKey;
  if (a && b && samePrimaryKey(a, b, cmp)) return { changes: [], kept: [{ name: pair.original.primaryKey?.name, from: a, to: b }] };
  const changes: Change[] = [];
  if (a && pair.original.primaryKey) changes.push({ kind: "drop-primary-key", table: qualified(pair.original), primaryKey: pair.original.primaryKey });
  if (b) changes.push({ kind: "add-primary-key", table: qualified(pair.to), primaryKey: b });
  return { changes, kept: [] };
}

/**
 * Pairs named parts by name (its key); a kept pair that differs becomes a drop and an add, one
 * that is the same is kept (its comment may still differ).
 */
function diffNamed<T extends { readonly name: string; readonly comment?: string }>(
  from: readonly T[],
  to: readonly T[],
  original: readonly T[],
  same: (a: T, b: T) => boolean,
  cmp: Compare,
): { drops: T[]; adds: T[]; kept: KeptConstraint[] } {
  const m = matchBy(from, to, (x) => cmp.nameKey("constraint", x.name), (a, b) => compareStrings(a.name, b.name));
  const changed = m.kept.filter(([a, b]) => !same(a, b));
  const originalOf = (x: T): T => original.find((o) => o.name === x.name) ?? x;
  return {
    drops: [...m.removed, ...changed.map(([a]) => a)].map(originalOf),
    adds: [...m.added, ...changed.map(([, b]) => b)],
    kept: m.kept.filter(([a, b]) => same(a, b)).map(([a, b]) => ({ name: originalOf(a).name, from: a, to: b })),
  };
}

/**
 * Pairs checks by name where both sides have that name, then the rest by expression, because
 * SQLite checks have no name. Unpaired ones are dropped and added; paired ones are kept.
 */
export function matchChecks(from: readonly Check[], to: readonly Check[], cmp: Compare): { drops: Check[]; adds: Check[]; kept: [Check, Check][] } {
  const adds = [...to];
  const drops: Check[] = [];
  const kept: [Check, Check][] = [];
  const take = (a: Check, found: (c: Check) => boolean): void => {
    const at = adds.findIndex(found);
    if (at < 0) drops.push(a);
    else kept.push([a, ...adds.splice(at, 1)] as [Check, Check]);
  };
  const key = (name: string | undefined): string | undefined => (name === undefined ? undefined : cmp.nameKey("check", name));
  const pairedByName = (c: Check, others: readonly Check[]): boolean => c.name !== undefined && others.some((o) => key(o.name) === key(c.name));
  for (const a of from.filter((c) => pairedByName(c, to))) take(a, (b) => key(b.name) === key(a.name) && sameCheck(a, b, cmp));
  for (const a of from.filter((c) => !pairedByName(c, to))) take(a, (b) => !pairedByName(b, from) && sameCheck(a, b, cmp));
  const order = (a: Check, b: Check): number => compareStrings(a.name ?? "", b.name ?? "") || compareStrings(a.expression, b.expression);
  return { drops: drops.sort(order), adds: adds.sort(order), kept: kept.sort(([a], [b]) => order(a, b)) };
}

/** Primary key, unique, foreign key and check changes of a table on both sides. */
export function diffConstraints(pair: TablePair, cmp: Compare): Change[] {
  const dropOn = qualified(pair.original);
  const on = qualified(pair.to);
  const uniques = diffNamed(pair.from.uniques, pair.to.uniques, pair.original.uniques, sameUnique, cmp);
  const fks = diffNamed(pair.from.foreignKeys, pair.to.foreignKeys, pair.original.foreignKeys, sameForeignKey, cmp);
  const checks = matchChecks(pair.from.checks, pair.to.checks, cmp);
  const primaryKey = diffPrimaryKey(pair, cmp);
  const keptChecks = checks.kept.map(([a, b]): KeptConstraint => ({ name: a.name, from: a, to: b }));
  return [
    ...fks.drops.map((foreignKey): Change => ({ kind: "drop-foreign-key", table: dropOn, foreignKey })),
    ...checks.drops.map((check): Change => ({ kind: "drop-check", table: dropOn, check })),
    ...uniques.drops.map((unique): Change => ({ kind: "drop-unique", table: dropOn, unique })),
    ...primaryKey.changes,
    ...uniques.adds.map((unique): Change => ({ kind: "add-unique", table: on, unique })),
    ...checks.adds.map((check): Change => ({ kind: "add-check", table: on, check })),
    ...fks.adds.map((foreignKey): Change => ({ kind: "add-foreign-key", table: on, foreignKey })),
    ...commentChanges(on, "primary-key", primaryKey.kept),
    ...commentChanges(on, "unique", uniques.kept),
    ...commentChanges(on, "check", keptChecks),
    ...commentChanges(on, "foreign-key", fks.kept),
  ];
}
