/** What each change risks: lost data (destructive), no way back (irreversible), and why in a few words. */
import type { Change } from "../diff/changes.js";
import { removedValues } from "../diff/enums.js";
import { displayName } from "../schema/names.js";
import type { ColumnType, QualifiedName } from "../schema/types.js";
import type { PlanStep } from "./types.js";
import { isWidening } from "./widening.js";

/** The risk part of a plan step. */
export type Risk = Pick<PlanStep, "destructive" | "irreversible" | "warning">;

const SAFE: Risk = { destructive: false, irreversible: false };

/** A column type as a reviewer reads it in a warning. */
export function typeText(type: ColumnType): string {
  switch (type.kind) {
    case "builtin":
      return type.args && type.args.length > 0 ? `${type.name}(${type.args.join(", ")})` : type.name;
    case "array":
      return `${typeText(type.element)}[]`;
    case "enum":
    case "set":
      return `${type.kind}(${type.values.map((v) => `'${v}'`).join(", ")})`;
    case "named":
      return displayName(type);
    case "raw":
      return type.sql;
  }
}

const column = (table: QualifiedName, name: string): string => `${displayName(table)}.${name}`;

function columnRisk(c: Extract<Change, { kind: "alter-column" }>): Risk {
  const warnings: string[] = [];
  const narrowing = c.what.includes("type") && !isWidening(c.from.type, c.to.type);
  if (narrowing) {
    warnings.push(`changes ${column(c.table, c.to.name)} from ${typeText(c.from.type)} to ${typeText(c.to.type)}; values may be lost or fail to convert`);
  }
  if (c.from.nullable && !c.to.nullable) warnings.push(`makes ${column(c.table, c.to.name)} NOT NULL; fails if a row holds NULL`);
  if (warnings.length === 0) return SAFE;
  return { destructive: narrowing, irreversible: false, warning: warnings.join("; ") };
}

/** The risk of one change. */
export function riskOf(c: Change): Risk {
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
    case "rebuild-enum": {
      const removed = removedValues(c.from, c.to);
      if (removed.length === 0) return SAFE;
      const values = removed.map((v) => `'${v}'`).join(", ");
      return { destructive: true, irreversible: true, warning: `removes ${values} from enum ${displayName(c.to)}; rows holding them fail to convert` };
    }
    case "alter-column":
      return columnRisk(c);
    case "add-column": {
      const filled = c.column.nullable || c.column.default !== undefined || c.column.identity !== undefined || c.column.generated !== undefined;
      return filled ? SAFE : { destructive: false, irreversible: false, warning: `adds NOT NULL column ${column(c.table, c.column.name)} without a default; fails if the table has rows` };
    }
    default:
      return SAFE;
  }
}
