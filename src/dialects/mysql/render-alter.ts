/**
 * The ALTER TABLE clauses of table-level changes. Each change becomes a piece: its table, the
 * group of clauses it may share a statement with, and its clauses with a rank that orders
 * them inside one statement (drops before adds, foreign keys last).
 */
import { assertNever, type Change, type TableAspect, type TableLevelChange } from "../../diff/changes.js";
import { ShaleError } from "../../errors.js";
import type { Column, ForeignKey, Index, QualifiedName, Table } from "../../schema/types.js";
import { isCharacterType } from "./column-types.js";
import { quoteIdent } from "./quote.js";
import type { RenderState } from "./render-state.js";
import { alterPartitioning, rejectPartitionOf } from "./partitions.js";
import { charsetOptions, checkDefinition, columnDefinition, columnList, foreignKeyDefinition, indexDefinition, indexVisibility, optionWord } from "./render-definitions.js";
import { stringLiteral } from "./sql-text.js";

/**
 * Which clauses may share one ALTER TABLE. Foreign key drops go alone, before whatever drops
 * the index they use; renames go alone, as MySQL resolves the other clauses of a statement
 * against the names from before it; ADD/DROP PARTITION go alone, as MySQL requires.
 */
type AlterGroup = "drop-foreign-key" | "rename" | "partition" | "main";

/** One clause of an ALTER TABLE. */
export interface Clause {
  readonly sql: string;
  /** Order inside the statement: 0 foreign key drops … 8 table options. */
  readonly rank: number;
  /** It adds a FULLTEXT index; InnoDB builds one per statement only. */
  readonly fulltext?: boolean;
  /** A partitioning option: written after all other clauses, without a comma. */
  readonly trailing?: boolean;
  /** It deletes rows whatever the plan step says (DROP PARTITION). */
  readonly destructive?: boolean;
}

/** The clauses a table-level change contributes to an ALTER TABLE. */
export interface AlterPiece {
  readonly table: QualifiedName;
  readonly group: AlterGroup;
  readonly clauses: readonly Clause[];
}

const DROP_KEY = 1;
const DROP_COLUMN = 2;
const COLUMN = 3;
const ADD_PRIMARY = 4;
const ADD_INDEX = 5;
const ADD_CHECK = 6;
const ADD_FOREIGN_KEY = 7;
const OPTION = 8;

function piece(table: QualifiedName, clauses: Clause[], group: AlterGroup = "main"): AlterPiece {
  return { table, group, clauses };
}

/** The ALTER TABLE piece of a table-level change. */
export function alterPiece(change: TableLevelChange, state: RenderState): AlterPiece {
  switch (change.kind) {
    case "add-column":
      return piece(change.table, [{ sql: `ADD COLUMN ${columnDefinition(change.column)}${state.addColumn(change.table, change.column.name)}`, rank: COLUMN }]);
    case "drop-column":
      state.dropColumn(change.table, change.column.name);
      return piece(change.table, [{ sql: `DROP COLUMN ${quoteIdent(change.column.name)}`, rank: DROP_COLUMN }]);
    case "rename-column":
      state.renameColumn(change.table, change.from, change.to);
      return piece(change.table, [{ sql: `RENAME COLUMN ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`, rank: COLUMN }], "rename");
    case "alter-column":
      return piece(change.table, alterColumn(change, state));
    case "add-primary-key":
      return piece(change.table, [{ sql: `ADD PRIMARY KEY ${columnList(change.primaryKey.columns)}`, rank: ADD_PRIMARY }]);
    case "drop-primary-key":
      return piece(change.table, [{ sql: "DROP PRIMARY KEY", rank: DROP_KEY }]);
    case "add-unique":
      return piece(change.table, [{ sql: `ADD UNIQUE KEY ${quoteIdent(change.unique.name)} ${columnList(change.unique.columns)}`, rank: ADD_INDEX }]);
    case "drop-unique":
      return piece(change.table, [{ sql: `DROP INDEX ${quoteIdent(change.unique.name)}`, rank: DROP_KEY }]);
    case "add-foreign-key":
      return piece(change.table, addForeignKey(change.table, change.foreignKey, state));
    case "drop-foreign-key":
      return piece(change.table, [{ sql: `DROP FOREIGN KEY ${quoteIdent(change.foreignKey.name)}`, rank: 0 }], "drop-foreign-key");
    case "add-check":
      return piece(change.table, [{ sql: `ADD ${checkDefinition(change.check)}`, rank: ADD_CHECK }]);
    case "drop-check":
      return piece(change.table, [{ sql: `DROP CONSTRAINT ${quoteIdent(checkName(change.check.name, change.table))}`, rank: DROP_KEY }]);
    case "create-index":
      return piece(change.table, [addIndex(change.index)]);
    case "drop-index":
      return piece(change.table, [{ sql: `DROP INDEX ${quoteIdent(change.index.name)}`, rank: DROP_KEY }]);
    case "rename-index":
      return piece(change.table, [{ sql: `RENAME INDEX ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`, rank: COLUMN }], "rename");
    case "alter-index":
      return piece(change.table, alterIndex(change.from, change.to));
    case "alter-table":
      return alterTablePiece(change.from, change.to, change.what);
    case "alter-constraint-comment":
      throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no comments on constraints (${change.constraint.kind.replace("-", " ")} ${change.constraint.name ?? "(unnamed)"} of ${change.table.name}).`, {
        hint: "Remove the constraint's comment from the schema; MySQL keeps comments on tables, columns and indexes only.",
      });
    default:
      return assertNever(change);
  }
}

function checkName(name: string | undefined, table: QualifiedName): string {
  if (name !== undefined) return name;
  throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `Cannot drop an unnamed CHECK constraint of ${table.name}.`, {
    hint: "MySQL names every check; inspect the database to get its name.",
  });
}

/**
 * ADD FOREIGN KEY. An index MySQL made for an earlier foreign key stays after that key is
 * dropped, marked as generated; a new key then drops it and makes its own, named after the
 * key. So an existing index that should serve the new key is declared again in the same
 * statement, which makes it explicit and keeps its name.
 */
function addForeignKey(table: QualifiedName, key: ForeignKey, state: RenderState): Clause[] {
  const clauses: Clause[] = [{ sql: `ADD ${foreignKeyDefinition(key)}`, rank: ADD_FOREIGN_KEY }];
  const existing = state.fromTable(table)?.indexes ?? [];
  for (const index of state.toTable(table)?.indexes ?? []) {
    const serves = key.columns.every((column, i) => index.parts[i]?.column === column && index.parts[i]?.length === undefined);
    const unchanged = existing.some((old) => JSON.stringify(old) === JSON.stringify(index));
    if (!serves || !unchanged || index.unique || index.name === key.name) continue;
    clauses.push({ sql: `DROP INDEX ${quoteIdent(index.name)}`, rank: DROP_KEY }, addIndex(index));
  }
  return clauses;
}

function addIndex(index: Index): Clause {
  return { sql: `ADD ${indexDefinition(index)}`, rank: ADD_INDEX, ...(index.method === "fulltext" ? { fulltext: true } : {}) };
}

/**
 * MODIFY COLUMN with the full new definition, and FIRST or AFTER where the column moves. A
 * column that becomes or stops being VIRTUAL cannot be modified in place (MySQL and MariaDB
 * refuse; STORED ↔ plain works): it is dropped and added again, and the indexes on it are
 * rebuilt in the same statement. That loses data: a plain column's values go, and a column
 * that stops being VIRTUAL comes back empty.
 */
function alterColumn(change: Extract<Change, { kind: "alter-column" }>, state: RenderState): Clause[] {
  const { table, from, to } = change;
  const isVirtual = (column: Column) => column.generated !== undefined && !column.generated.stored;
  if (isVirtual(from) === isVirtual(to)) {
    const position = change.what.includes("position") ? state.moveColumn(table, to.name) : "";
    return [{ sql: `MODIFY COLUMN ${columnDefinition(to)}${position}`, rank: COLUMN }];
  }
  state.dropColumn(table, from.name);
  const clauses: Clause[] = [
    { sql: `DROP COLUMN ${quoteIdent(from.name)}`, rank: DROP_COLUMN, destructive: true },
    { sql: `ADD COLUMN ${columnDefinition(to)}${state.addColumn(table, to.name)}`, rank: COLUMN },
  ];
  const before = new Set(state.fromTable(table)?.indexes.map((index) => index.name));
  for (const index of state.toTable(table)?.indexes ?? []) {
    if (!index.parts.some((part) => part.column === to.name)) continue;
    if (before.has(index.name)) clauses.push({ sql: `DROP INDEX ${quoteIdent(index.name)}`, rank: DROP_KEY });
    clauses.push(addIndex(index));
  }
  return clauses;
}

/** Visibility alone changes in place (ALTER INDEX); anything else rebuilds the index. */
function alterIndex(from: Index, to: Index): Clause[] {
  const { attrs: _fromAttrs, ...fromRest } = from;
  const { attrs: _toAttrs, ...toRest } = to;
  if (JSON.stringify(fromRest) === JSON.stringify(toRest)) {
    const hidden = indexVisibility(to);
    const shown = from.attrs?.["mariadb.ignored"] === true ? "NOT IGNORED" : "VISIBLE";
    return [{ sql: `ALTER INDEX ${quoteIdent(to.name)} ${hidden ?? shown}`, rank: ADD_INDEX }];
  }
  return [{ sql: `DROP INDEX ${quoteIdent(from.name)}`, rank: DROP_KEY }, addIndex(to)];
}

/**
 * Table options and partitioning. Appended or removed RANGE/LIST partitions go in an ALTER
 * TABLE of their own when nothing else about the table's options changes; any other change of
 * partitioning partitions the table again, after the other clauses of its statement.
 */
function alterTablePiece(from: Table, to: Table, what: readonly TableAspect[]): AlterPiece {
  const clauses = alterTable(from, to, what);
  if (!what.includes("partitioning")) {
    if (clauses.length === 0) throw unsupportedAttr(to, `change the ${what.join(" and ")}`, "Nothing in ALTER TABLE expresses this difference; make both schemas agree on it.");
    return piece(to, clauses);
  }
  rejectPartitionOf(from);
  rejectPartitionOf(to);
  const change = alterPartitioning(from.partitioning, to.partitioning, clauses.length === 0);
  const clause: Clause = { sql: change.sql, rank: OPTION, ...(change.alone ? {} : { trailing: true }), ...(change.destructive ? { destructive: true } : {}) };
  return piece(to, [...clauses, clause], change.alone ? "partition" : "main");
}

/** The table attributes ALTER TABLE can change; anything else is refused. */
const TABLE_ATTRS = new Set(["mysql.engine", "mysql.rowFormat", "mysql.charset", "mysql.collation"]);

/**
 * Table options. A new default character set or collation does not convert existing columns,
 * so the columns that follow the table default are modified to the new one in the same statement.
 */
function alterTable(from: Table, to: Table, what: readonly TableAspect[]): Clause[] {
  const clauses: Clause[] = [];
  if (what.includes("comment")) clauses.push({ sql: `COMMENT=${stringLiteral(to.comment ?? "")}`, rank: OPTION });
  if (!what.includes("attrs")) return clauses;
  const [a, b] = [from.attrs ?? {}, to.attrs ?? {}];
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]).sort();
  for (const key of changed) {
    if (!TABLE_ATTRS.has(key)) throw unsupportedAttr(to, `change the table attribute ${key}`, "ALTER TABLE can change mysql.engine, mysql.rowFormat, mysql.charset and mysql.collation; remove other attributes from both schemas.");
    if (key !== "mysql.rowFormat" && b[key] === undefined) throw unsupportedAttr(to, `remove the ${key} of the table`, "Every MySQL table has one; name the wanted value in the target schema.");
  }
  if (changed.includes("mysql.engine")) clauses.push({ sql: `ENGINE=${optionWord(b["mysql.engine"], "storage engine")}`, rank: OPTION });
  if (changed.includes("mysql.rowFormat")) clauses.push({ sql: `ROW_FORMAT=${optionWord(b["mysql.rowFormat"] ?? "DEFAULT", "row format")}`, rank: OPTION });
  if (changed.includes("mysql.charset") || changed.includes("mysql.collation")) clauses.push(...alterCharset(from, to));
  return clauses;
}

/** The new default character set and collation, and the columns that follow them. */
function alterCharset(from: Table, to: Table): Clause[] {
  const clauses: Clause[] = [{ sql: charsetOptions(to).join(" "), rank: OPTION }];
  const [oldCollation, newCollation] = [from.attrs?.["mysql.collation"], to.attrs?.["mysql.collation"]];
  const fromColumns = new Map(from.columns.map((column) => [column.name, column]));
  for (const column of to.columns) {
    const old = fromColumns.get(column.name);
    if (!old || column.collation || !isCharacterType(column.type)) continue;
    if ((old.collation ?? oldCollation) !== newCollation) clauses.push({ sql: `MODIFY COLUMN ${columnDefinition(column)}`, rank: COLUMN });
  }
  return clauses;
}

function unsupportedAttr(table: Table, what: string, hint: string): ShaleError {
  return new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `Cannot ${what} (table ${table.name}).`, { hint });
}
