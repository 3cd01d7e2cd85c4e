/**
 * What holds on to an enum that is rebuilt: renamed, created anew, its columns converted, the
 * old type dropped. PostgreSQL refuses to drop the old type while anything still uses it, and a
 * check or index that casts to it stops comparing once its column moves to the new type. So
 * checks and indexes that name the enum are dropped before the rebuild and added after, and
 * routines whose arguments or result use it are dropped before and created after (routines.ts
 * and views.ts take their triggers and views along). What cannot be carried across (a domain
 * over the enum; a default, check, index or domain calling such a routine) stops the plan with
 * SHALE_E_UNSUPPORTED_CHANGE naming it, before any statement runs.
 */
import type { Change } from "../diff/changes.js";
import { ShaleError } from "../errors.js";
import { displayName, qualifiedKey, routineKey, sameName, sortByName } from "../schema/names.js";
import type { Check, EnumType, Index, QualifiedName, Routine, Schema, Table } from "../schema/types.js";
import { typeIs } from "./dependencies.js";
import { droppedTables } from "./dropped-tables.js";
import { mentions, NameSet } from "./mentions.js";
import type { RenameLookup } from "./renames.js";
import { routineHeader } from "./routines.js";
import type { PlanCapabilities } from "./types.js";

function refuse(e: EnumType, why: string): ShaleError {
  return new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `Cannot rebuild enum ${displayName(e)} (values removed or reordered): ${why}.`, {
    hint: "Change it in steps: create a new enum with the wanted values, move what uses the old one to it, then drop the old enum.",
  });
}

function routineName(r: Routine): string {
  return `${r.kind} ${displayName(r)}(${r.signature})`;
}

function indexText(index: Index): string {
  return [...index.parts.map((p) => p.expression ?? ""), index.where ?? ""].join("\n");
}

/** Where a table's columns, checks and indexes call `name`, as a reviewer reads it; undefined if nowhere. */
function callerIn(table: Table, name: string): string | undefined {
  const at = (what: string): string => `${what} of table ${displayName(table)}`;
  for (const c of table.columns) {
    if (c.default !== undefined && mentions(c.default, name)) return at(`the default of column ${c.name}`);
    if (c.generated && mentions(c.generated.expression, name)) return at(`generated column ${c.name}`);
  }
  const check = table.checks.find((c) => mentions(c.expression, name));
  if (check) return at(`check ${check.name ?? check.expression}`);
  const index = table.indexes.find((i) => mentions(indexText(i), name));
  return index ? at(`index ${index.name}`) : undefined;
}

/** Refuses when something the plan keeps calls a routine that must be dropped and created again. */
function refuseCallers(e: EnumType, routine: Routine, changes: readonly Change[], from: Schema): void {
  const dropped = droppedTables(changes);
  for (const table of sortByName(from.tables)) {
    const caller = dropped(table) ? undefined : callerIn(table, routine.name);
    if (caller) throw refuse(e, `${routineName(routine)} uses it and must be dropped and created again, but ${caller} calls it`);
  }
  for (const d of sortByName(from.domains)) {
    if (mentions([d.default ?? "", ...d.checks.map((c) => c.expression)].join("\n"), routine.name)) {
      throw refuse(e, `${routineName(routine)} uses it and must be dropped and created again, but domain ${displayName(d)} calls it`);
    }
  }
}

/** Routines whose arguments or result use a rebuilt enum: dropped before, created after. */
function redoRoutines(changes: readonly Change[], from: Schema, to: Schema, rebuilt: readonly EnumType[], caps: PlanCapabilities): Change[] {
  const uses = (r: Routine): EnumType | undefined => rebuilt.find((e) => mentions(routineHeader(r, caps), e.name));
  const dropped = new Set(changes.flatMap((c) => (c.kind === "drop-routine" ? [routineKey(c.routine)] : [])));
  const target = new Map(to.routines.map((r) => [routineKey(r), r]));
  const out: Change[] = [];
  const redo = (old: Routine, next: Routine, e: EnumType): void => {
    refuseCallers(e, old, changes, from);
    out.push({ kind: "drop-routine", routine: old }, { kind: "create-routine", routine: next });
  };
  const replaced = new Set<string>();
  for (const c of changes) {
    const e = c.kind === "replace-routine" ? uses(c.from) : undefined;
    if (c.kind !== "replace-routine" || !e) out.push(c);
    else {
      replaced.add(routineKey(c.from));
      redo(c.from, c.to, e);
    }
  }
  for (const r of sortByName(from.routines)) {
    const e = uses(r);
    if (!e || dropped.has(routineKey(r)) || replaced.has(routineKey(r))) continue;
    const next = target.get(routineKey(r));
    if (!next) throw refuse(e, `${routineName(r)} uses it and is outside this diff`);
    redo(r, next, e);
  }
  return out;
}

type Part = { readonly kind: "check"; readonly part: Check } | { readonly kind: "index"; readonly part: Index };

function partChange(action: "drop" | "add", table: QualifiedName, p: Part): Change {
  if (p.kind === "check") return action === "drop" ? { kind: "drop-check", table, check: p.part } : { kind: "add-check", table, check: p.part };
  return action === "drop" ? { kind: "drop-index", table, index: p.part } : { kind: "create-index", table, index: p.part };
}

/** The same check or index in the target table. */
function againIn(table: Table, p: Part): Part | undefined {
  if (p.kind === "check") {
    const part = table.checks.find((c) => c.name === p.part.name);
    return part && { kind: "check", part };
  }
  const part = table.indexes.find((i) => i.name === p.part.name);
  return part && { kind: "index", part };
}

/** Checks and indexes that name a rebuilt enum: dropped before, added after (unless the plan does). */
function redoTableParts(changes: readonly Change[], from: Schema, to: Schema, rebuilt: readonly EnumType[], renames: RenameLookup): Change[] {
  const names = new NameSet(rebuilt.map((e) => e.name));
  const planned = new Set(
    changes.flatMap((c) => (c.kind === "drop-check" || c.kind === "drop-index" ? [JSON.stringify([qualifiedKey(c.table), c.kind === "drop-check" ? c.check.name : c.index.name])] : [])),
  );
  const dropped = droppedTables(changes);
  const out = [...changes];
  for (const table of sortByName(from.tables)) {
    const name = { schema: table.schema, name: table.name };
    const next = to.tables.find((t) => sameName(t, renames.newTable(name)));
    const gone = dropped(name);
    const parts: Part[] = [
      ...table.checks.filter((c) => names.foundIn(c.expression)).map((part): Part => ({ kind: "check", part })),
      ...table.indexes.filter((i) => names.foundIn(indexText(i))).map((part): Part => ({ kind: "index", part })),
    ];
    for (const p of parts) {
      if (planned.has(JSON.stringify([qualifiedKey(name), p.part.name]))) continue;
      out.push(partChange("drop", name, p));
      if (gone || !next) continue;
      const again = againIn(next, p);
      if (again) out.push(partChange("add", { schema: next.schema, name: next.name }, again));
    }
  }
  return out;
}

/** The changes with what a rebuilt enum needs around it; throws when something cannot be carried. */
export function aroundEnumRebuilds(changes: readonly Change[], from: Schema, to: Schema, renames: RenameLookup, caps: PlanCapabilities): Change[] {
  const rebuilt = changes.flatMap((c) => (c.kind === "rebuild-enum" ? [c.from] : []));
  if (rebuilt.length === 0) return [...changes];
  for (const d of sortByName(from.domains)) {
    const e = rebuilt.find((x) => typeIs(d.type, x));
    if (e) throw refuse(e, `domain ${displayName(d)} is built on it`);
  }
  return redoTableParts(redoRoutines(changes, from, to, rebuilt, caps), from, to, rebuilt, renames);
}
