/** What each change risks: lost data (destructive), no way back (irreversible), and why in a few words. */
import { assertNever, type Change } from "../diff/changes.js";
import { removedValues } from "../diff/enums.js";
import { displayName } from "../schema/names.js";
import { typeText } from "../schema/type-text.js";
import type { QualifiedName, Schema } from "../schema/types.js";
import type { ChangeRisk, PlanCapabilities } from "./types.js";
import { isWidening } from "./widening.js";

const SAFE: ChangeRisk = { destructive: false, irreversible: false };

const column = (table: QualifiedName, name: string): string => `${displayName(table)}.${name}`;

function columnRisk(c: Extract<Change, { kind: "alter-column" }>): ChangeRisk {
  const warnings: string[] = [];
  const narrowing = c.what.includes("type") && !isWidening(c.from.type, c.to.type);
  if (narrowing) {
    warnings.push(`changes ${column(c.table, c.to.name)} from ${typeText(c.from.type)} to ${typeText(c.to.type)}; values may be lost or fail to convert`);
  }
  // Whatever the column held is replaced by what the expression computes, on every database.
  const computed = c.what.includes("generated") && c.from.generated === undefined && c.to.generated !== undefined;
  if (computed) warnings.push(`makes ${column(c.table, c.to.name)} a generated column; its values are replaced by what the expression computes`);
  if (c.from.nullable && !c.to.nullable) warnings.push(`makes ${column(c.table, c.to.name)} NOT NULL; fails if a row holds NULL`);
  if (warnings.length === 0) return SAFE;
  return { destructive: narrowing || computed, irreversible: computed, warning: warnings.join("; ") };
}

function addColumnRisk(c: Extract<Change, { kind: "add-column" }>): ChangeRisk {
  const filled = c.column.nullable || c.column.default !== undefined || c.column.identity !== undefined || c.column.generated !== undefined;
  return filled ? SAFE : { destructive: false, irreversible: false, warning: `adds NOT NULL column ${column(c.table, c.column.name)} without a default; fails if the table has rows` };
}

function enumRisk(c: Extract<Change, { kind: "rebuild-enum" }>): ChangeRisk {
  const removed = removedValues(c.from, c.to);
  if (removed.length === 0) return SAFE;
  const values = removed.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");
  return { destructive: true, irreversible: true, warning: `removes ${values} from enum ${displayName(c.to)}; rows holding them fail to convert` };
}

/** The risk of one change on any database. */
export function riskOf(c: Change): ChangeRisk {
  switch (c.kind) {
    case "drop-table":
      return { destructive: true, irreversible: true, warning: `drops table ${displayName(c.table)} and all its rows` };
    case "drop-column":
      return { destructive: true, irreversible: true, warning: `drops column ${column(c.table, c.column.name)} and its data` };
    case "drop-namespace":
      return { destructive: true, irreversible: false, warning: `drops schema ${c.namespace.name}` };
    case "drop-enum":
      return { destructive: true, irreversible: false, warning: `drops enum type ${displayName(c.enum)}` };
    case "drop-sequence":
      return { destructive: true, irreversible: false, warning: `drops sequence ${displayName(c.sequence)} and its current value` };
    case "rebuild-enum":
      return enumRisk(c);
    case "alter-column":
      return columnRisk(c);
    case "add-column":
      return addColumnRisk(c);
    case "create-namespace":
    case "alter-namespace":
    case "create-extension":
    case "drop-extension":
    case "alter-extension":
    case "create-enum":
    case "add-enum-values":
    case "alter-enum-comment":
    case "create-domain":
    case "drop-domain":
    case "alter-domain":
    case "create-sequence":
    case "alter-sequence":
    case "create-table":
    case "rename-table":
    case "alter-table":
    case "rename-column":
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
    case "create-view":
    case "drop-view":
    case "replace-view":
    case "alter-view-comment":
    case "create-routine":
    case "drop-routine":
    case "replace-routine":
    case "create-trigger":
    case "drop-trigger":
    case "alter-trigger-comment":
      return SAFE;
    default:
      return assertNever(c);
  }
}

/** Two risks as one: destructive or irreversible if either is, both warnings. */
export function mergeRisks(a: ChangeRisk, b: ChangeRisk | undefined): ChangeRisk {
  if (!b) return a;
  const warnings = [a.warning, b.warning].filter((w): w is string => w !== undefined);
  return {
    destructive: a.destructive || b.destructive,
    irreversible: a.irreversible || b.irreversible,
    ...(warnings.length > 0 ? { warning: warnings.join("; ") } : {}),
  };
}

/** The risk of one change on the plan's database: the generic risk and what the dialect adds. */
export function stepRisk(c: Change, caps: PlanCapabilities, from: Schema, to: Schema): ChangeRisk {
  return mergeRisks(riskOf(c), caps.changeRisk?.(c, from, to));
}
