/** Column types as a person reads them, for reports and plan warnings (never SQL to run). */
import { displayName } from "./names.js";
import type { ColumnType } from "./types.js";

/** A column type as a person reads it: `varchar(255)`, `integer[]`, `enum('a','it''s')`. */
export function typeText(type: ColumnType): string {
  switch (type.kind) {
    case "builtin":
      return type.args?.length ? `${type.name}(${type.args.join(",")})` : type.name;
    case "array":
      return `${typeText(type.element)}[]`;
    case "enum":
    case "set":
      return `${type.kind}(${type.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")})`;
    case "named":
      return displayName(type);
    case "raw":
      return type.sql;
  }
}
