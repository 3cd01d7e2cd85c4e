/** Tables and columns from information_schema.TABLES and COLUMNS. */
import type { Attrs, Column } from "../../schema/types.js";
import type { Row } from "../dialect.js";
import { charsetOf, parseColumnType } from "./column-types.js";
import { canonicalNow, mysql8Default } from "./defaults.js";
import { field, text, type Server } from "./inspect-rows.js";
import { unescapeCatalogText } from "./sql-text.js";

/** A table's own properties, before its columns and keys are attached. */
export interface TableHead {
  readonly name: string;
  readonly collation?: string;
  readonly charset?: string;
  readonly comment?: string;
  readonly attrs: Attrs;
}

/** A table row as its head: engine, default collation and character set, row format, comment. */
export function tableHead(row: Row): TableHead {
  const attrs: Record<string, string> = {};
  const engine = field(row, "engine");
  const collation = field(row, "collation_name");
  if (engine) attrs["mysql.engine"] = engine;
  if (collation) {
    attrs["mysql.charset"] = charsetOf(collation);
    attrs["mysql.collation"] = collation;
  }
  // Only an explicit ROW_FORMAT shows in CREATE_OPTIONS; the engine default is not a choice.
  const rowFormat = /\brow_format=(\w+)/i.exec(text(row, "create_options"));
  if (rowFormat) attrs["mysql.rowFormat"] = rowFormat[1]!.toUpperCase();
  const comment = text(row, "comment");
  return {
    name: text(row, "name"),
    ...(collation ? { collation, charset: charsetOf(collation) } : {}),
    ...(comment ? { comment } : {}),
    attrs,
  };
}

/** A column row as an IR column; collation and charset only where they differ from the table's. */
export function columnFromRow(row: Row, table: TableHead | undefined, server: Server): Column {
  const type = parseColumnType(text(row, "column_type"));
  const extra = text(row, "extra");
  const expression = field(row, "generation_expression");
  const generated = expression && /GENERATED/i.test(extra) ? { expression: server.mariadb ? expression : unescapeCatalogText(expression), stored: /STORED|PERSISTENT/i.test(extra) } : undefined;
  const rawDefault = field(row, "column_default") ?? null;
  const defaultValue = generated ? undefined : server.mariadb ? (rawDefault ?? undefined) : mysql8Default(rawDefault, extra, type);
  const attrs: Record<string, string | boolean> = {};
  const onUpdate = /\bon update (\S+)/i.exec(extra);
  if (onUpdate) attrs["mysql.onUpdate"] = canonicalNow(onUpdate[1]!) ?? onUpdate[1]!;
  if (/\bINVISIBLE\b/i.test(extra)) attrs["mysql.invisible"] = true;
  const charset = field(row, "charset");
  const collation = field(row, "collation_name");
  if (charset && charset !== table?.charset) attrs["mysql.charset"] = charset;
  const comment = text(row, "comment");
  return {
    name: text(row, "name"),
    type,
    nullable: text(row, "is_nullable") === "YES",
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    ...(/\bauto_increment\b/i.test(extra) ? { identity: { kind: "auto-increment" as const } } : {}),
    ...(generated ? { generated } : {}),
    ...(collation && collation !== table?.collation ? { collation } : {}),
    ...(comment ? { comment } : {}),
    ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
  };
}
