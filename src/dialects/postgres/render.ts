/**
 * The PostgreSQL renderer: turns each step of a plan into DDL, in plan order. Every change
 * kind has its case in one of three dispatchers, for table parts, for schemas and types, and
 * for whole objects (a missing one fails to compile); identifiers are always quoted and
 * schema-qualified; SQL fragments come from the IR as the server printed them.
 */
import { assertNever, isTableLevel, type Change, type ChangeKind, type TableLevelChange } from "../../diff/changes.js";
import type { Plan } from "../../plan/types.js";
import type { Schema } from "../../schema/types.js";
import type { RenderedStatement } from "../dialect.js";
import { planContext, type RenderContext } from "./render-context.js";
import { addColumn, alterColumn, dropColumn, renameColumn } from "./render-columns.js";
import {
  alterTriggerComment,
  alterViewComment,
  createRoutine,
  createTrigger,
  createView,
  dropRoutine,
  dropTrigger,
  dropView,
  replaceRoutine,
  replaceView,
} from "./render-objects.js";
import { checkSql, foreignKeySql, ident, lit, primaryKeySql, qname, uniqueSql, type Piece } from "./render-sql.js";
import {
  addTableConstraint,
  alterConstraintComment,
  alterIndex,
  alterTable,
  createIndex,
  createTable,
  dropConstraint,
  dropTable,
  renameTable,
} from "./render-tables.js";
import {
  addEnumValues,
  alterDomain,
  alterEnumComment,
  alterExtension,
  alterNamespace,
  alterSequence,
  createDomain,
  createEnum,
  createExtension,
  createNamespace,
  createSequence,
  dropExtension,
  dropNamespace,
  dropSequence,
  dropType,
  rebuildEnum,
} from "./render-types.js";

/** Renders an ordered plan, step by step in plan order. */
export function render(plan: Plan, from: Schema, to: Schema): RenderedStatement[] {
  const shared = planContext(plan, from, to);
  const statements: RenderedStatement[] = [];
  plan.steps.forEach((step, index) => {
    const pieces = renderChange(step.change, { ...shared, phase: step.phase });
    // Where the renderer knows which of its statements lose data, only those are marked.
    const marked = pieces.some((piece) => piece.destructive !== undefined);
    for (const piece of pieces) {
      const statement: RenderedStatement = {
        sql: piece.sql,
        steps: [index],
        destructive: marked ? piece.destructive === true : step.destructive,
        ...(piece.comment !== undefined ? { comment: piece.comment } : {}),
      };
      statements.push(statement);
    }
  });
  return markNewEnumValuesInUse(statements, plan);
}

/**
 * A value added to an enum cannot be used before the transaction that added it commits. When a
 * later statement of the same plan names a new value, the ADD VALUE runs outside the plan's
 * transaction so that its value is committed by then.
 */
function markNewEnumValuesInUse(statements: RenderedStatement[], plan: Plan): RenderedStatement[] {
  return statements.map((statement, at) => {
    const change = plan.steps[statement.steps[0]!]?.change;
    if (change?.kind !== "add-enum-values") return statement;
    const added = change.to.values.filter((value) => !change.from.values.includes(value)).map(lit);
    const usedLater = statements.slice(at + 1).some((later) => later.steps[0] !== statement.steps[0] && added.some((value) => later.sql.includes(value)));
    return usedLater ? { ...statement, noTransaction: true } : statement;
  });
}

/** The kinds of change to schemas, extensions and types (enums, domains, sequences). */
const TYPE_LEVEL_KINDS = [
  "create-namespace",
  "drop-namespace",
  "alter-namespace",
  "create-extension",
  "drop-extension",
  "alter-extension",
  "create-enum",
  "drop-enum",
  "add-enum-values",
  "rebuild-enum",
  "alter-enum-comment",
  "create-domain",
  "drop-domain",
  "alter-domain",
  "create-sequence",
  "drop-sequence",
  "alter-sequence",
] as const satisfies readonly ChangeKind[];

type TypeLevelChange = Extract<Change, { kind: (typeof TYPE_LEVEL_KINDS)[number] }>;
type ObjectChange = Exclude<Change, TableLevelChange | TypeLevelChange>;

const TYPE_LEVEL = new Set<ChangeKind>(TYPE_LEVEL_KINDS);

function isTypeLevel(change: Change): change is TypeLevelChange {
  return TYPE_LEVEL.has(change.kind);
}

/** One change as its statements; each kind has its case in exactly one of the dispatchers. */
function renderChange(change: Change, context: RenderContext): Piece[] {
  if (isTableLevel(change)) return renderTableLevel(change);
  if (isTypeLevel(change)) return renderTypeLevel(change, context);
  return renderObject(change, context);
}

/** A change to a part or property of a table that exists before and after. */
function renderTableLevel(change: TableLevelChange): Piece[] {
  switch (change.kind) {
    case "alter-table":
      return alterTable(change.from, change.to, change.what);
    case "add-column":
      return addColumn(change.table, change.column);
    case "drop-column":
      return dropColumn(change.table, change.column);
    case "rename-column":
      return renameColumn(change.table, change.from, change.to);
    case "alter-column":
      return alterColumn(change.table, change.from, change.to, change.what);
    case "add-primary-key":
      return addTableConstraint(change.table, primaryKeySql(change.primaryKey), change.primaryKey);
    case "drop-primary-key":
      return dropConstraint(change.table, change.primaryKey.name);
    case "add-unique":
      return addTableConstraint(change.table, uniqueSql(change.unique), change.unique);
    case "drop-unique":
      return dropConstraint(change.table, change.unique.name);
    case "add-foreign-key":
      return addTableConstraint(change.table, foreignKeySql(change.foreignKey, true), change.foreignKey);
    case "drop-foreign-key":
      return dropConstraint(change.table, change.foreignKey.name);
    case "add-check":
      return addTableConstraint(change.table, checkSql(change.check, true), change.check);
    case "drop-check":
      return dropConstraint(change.table, change.check.name);
    case "alter-constraint-comment":
      return alterConstraintComment(change.table, change.constraint.name, change.to);
    case "create-index":
      return createIndex(change.table, change.index);
    case "drop-index":
      return [{ sql: `DROP INDEX ${qname({ schema: change.table.schema, name: change.index.name })}` }];
    case "rename-index":
      return [{ sql: `ALTER INDEX ${qname({ schema: change.table.schema, name: change.from })} RENAME TO ${ident(change.to)}` }];
    case "alter-index":
      return alterIndex(change.table, change.from, change.to);
    default:
      return assertNever(change);
  }
}

/** A change to a schema, an extension or a type. */
function renderTypeLevel(change: TypeLevelChange, context: RenderContext): Piece[] {
  switch (change.kind) {
    case "create-namespace":
      return createNamespace(change.namespace);
    case "drop-namespace":
      return dropNamespace(change.namespace);
    case "alter-namespace":
      return alterNamespace(change.from, change.to);
    case "create-extension":
      return createExtension(change.extension);
    case "drop-extension":
      return dropExtension(change.extension);
    case "alter-extension":
      return alterExtension(change.from, change.to);
    case "create-enum":
      return createEnum(change.enum);
    case "drop-enum":
      return dropType(change.enum, "TYPE");
    case "add-enum-values":
      return addEnumValues(change.from, change.to);
    case "rebuild-enum":
      return rebuildEnum(change.from, change.to, context.from, context.to);
    case "alter-enum-comment":
      return alterEnumComment(change.to);
    case "create-domain":
      return createDomain(change.domain);
    case "drop-domain":
      return dropType(change.domain, "DOMAIN");
    case "alter-domain":
      return alterDomain(change.from, change.to);
    case "create-sequence":
      return createSequence(change.sequence);
    case "drop-sequence":
      return dropSequence(change.sequence);
    case "alter-sequence":
      return alterSequence(change.from, change.to);
    default:
      return assertNever(change);
  }
}

/** A whole table, view, routine or trigger created, dropped, renamed or replaced. */
function renderObject(change: ObjectChange, context: RenderContext): Piece[] {
  switch (change.kind) {
    case "create-table":
      return createTable(change.table);
    case "drop-table":
      return dropTable(change.table);
    case "rename-table":
      return renameTable(change.from, change.to);
    case "create-view":
      return createView(change.view);
    case "drop-view":
      return dropView(change.view);
    case "replace-view":
      return replaceView(change.from, change.to, context);
    case "alter-view-comment":
      return alterViewComment(change.to);
    case "create-routine":
      return createRoutine(change.routine);
    case "drop-routine":
      return dropRoutine(change.routine);
    case "replace-routine":
      return replaceRoutine(change.from, change.to, context);
    case "create-trigger":
      return createTrigger(change.trigger);
    case "drop-trigger":
      return dropTrigger(change.trigger);
    case "alter-trigger-comment":
      return alterTriggerComment(change.to);
    default:
      return assertNever(change);
  }
}
