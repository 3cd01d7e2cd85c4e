/**
 * What SQLite's ALTER TABLE can do in place (https://www.sqlite.org/lang_altertable.html);
 * everything else goes through the table rebuild.
 */
import type { Column, Table } from "../../schema/types.js";
import { mentions } from "./dependencies.js";
import { isConstantDefault } from "./render-sql.js";

/**
 * ADD COLUMN takes no PRIMARY KEY or UNIQUE, no STORED generated column, no default other
 * than a constant, no NOT NULL without a non-NULL default, and no REFERENCES with a default.
 */
export function canAddColumn(column: Column, table: Table | undefined): boolean {
  if (!table) return false;
  const name = column.name;
  if (table.primaryKey?.columns.includes(name)) return false;
  if (table.uniques.some((u) => u.columns.includes(name))) return false;
  if (table.foreignKeys.some((fk) => fk.columns.includes(name))) return false;
  if (column.identity || column.generated?.stored) return false;
  if (column.default !== undefined && !isConstantDefault(column.default)) return false;
  if (!column.nullable && column.default === undefined && !column.generated) return false;
  return true;
}

/**
 * DROP COLUMN (SQLite 3.35+) refuses a column that is the table's only one, or that a key,
 * index, CHECK or generated column uses. Views and triggers that read it have changed too,
 * and the renderer drops those before any ALTER.
 */
export function canDropColumn(name: string, table: Table | undefined): boolean {
  if (!table || table.columns.length <= 1) return false;
  const used = (sql: string | undefined): boolean => sql !== undefined && mentions(sql, name);
  if (table.primaryKey?.columns.includes(name)) return false;
  if (table.uniques.some((u) => u.columns.includes(name))) return false;
  if (table.foreignKeys.some((fk) => fk.columns.includes(name))) return false;
  if (table.checks.some((c) => used(c.expression))) return false;
  if (table.columns.some((c) => c.name !== name && used(c.generated?.expression))) return false;
  return !table.indexes.some((index) => used(index.where) || index.parts.some((p) => p.column === name || used(p.expression)));
}
