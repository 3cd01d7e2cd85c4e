/**
 * Table partitioning on MySQL/MariaDB: read from information_schema.PARTITIONS, kept as the
 * PARTITION BY clause body in one canonical text (partition-syntax.ts), and changed with
 * ADD PARTITION / DROP PARTITION where only RANGE or LIST partitions were appended or removed,
 * otherwise by partitioning the table again.
 */
import { ShaleError } from "../../errors.js";
import type { Partitioning, Table } from "../../schema/types.js";
import type { Row } from "../dialect.js";
import { field, groupBy, text } from "./inspect-rows.js";
import { parsePartitioning, partitionText, schemeText, type PartitionDefinition, type PartitionScheme } from "./partition-syntax.js";
import { quoteIdent } from "./quote.js";
import { stringLiteral } from "./sql-text.js";

const hashLike = (method: string): boolean => /HASH|KEY/.test(method);

/**
 * The scheme with what the catalog cannot tell apart from the defaults folded away: HASH/KEY
 * partitions named p0…pN-1 become PARTITIONS n, subpartitions named <partition>spN become
 * SUBPARTITIONS n, and a count of 1 (the default) goes.
 */
function canonicalScheme(scheme: PartitionScheme): PartitionScheme {
  let { partitions, sub } = scheme;
  let count = scheme.count;
  const width = partitions[0]?.subpartitions.length ?? 0;
  const defaultSubs = partitions.every((p) => p.subpartitions.length === width && p.subpartitions.every((s, i) => s.name === `${p.name}sp${i}` && s.options.length === 0));
  if (sub && width > 0 && defaultSubs) {
    sub = { ...sub, count: width };
    partitions = partitions.map((p) => ({ ...p, subpartitions: [] }));
  }
  if (sub?.count === 1) sub = { method: sub.method, expression: sub.expression };
  const plain = (p: PartitionDefinition, i: number) => p.name === `p${i}` && p.values === undefined && p.options.length === 0 && p.subpartitions.length === 0;
  if (hashLike(scheme.method) && partitions.length > 0 && partitions.every(plain)) {
    count = partitions.length;
    partitions = [];
  }
  if (partitions.length > 0 || count === 1) count = undefined;
  return { method: scheme.method, expression: scheme.expression, ...(count !== undefined ? { count } : {}), ...(sub ? { sub } : {}), partitions };
}

/** The canonical clause body; text that does not parse is kept as written (trimmed). */
export function canonicalPartitionBy(by: string): string {
  try {
    return schemeText(canonicalScheme(parsePartitioning(by)));
  } catch (err) {
    if (err instanceof SyntaxError) return by.trim();
    throw err;
  }
}

/** A partition's bound as DDL, from its catalog description. */
function boundSql(method: string, description: string | undefined): string {
  if (description === undefined) return "";
  if (method.startsWith("LIST")) return ` VALUES IN (${description})`;
  return method === "RANGE" && description === "MAXVALUE" ? " VALUES LESS THAN MAXVALUE" : ` VALUES LESS THAN (${description})`;
}

/** One table's PARTITIONS rows (in partition, then subpartition order) as its clause body. */
function clauseFromRows(rows: readonly Row[]): string {
  const first = rows[0]!;
  const method = text(first, "partition_method").toUpperCase();
  const subMethod = field(first, "subpartition_method")?.toUpperCase();
  const parts = [...groupBy(rows, (row) => text(row, "partition_name")).values()].map((subs) => {
    const row = subs[0]!;
    const comment = text(row, "partition_comment");
    const subpartitions = subMethod ? ` (${subs.map((s) => `SUBPARTITION ${quoteIdent(text(s, "subpartition_name"))}`).join(", ")})` : "";
    return `PARTITION ${quoteIdent(text(row, "partition_name"))}${boundSql(method, field(row, "partition_description"))}${comment ? ` COMMENT = ${stringLiteral(comment)}` : ""}${subpartitions}`;
  });
  const sub = subMethod ? ` SUBPARTITION BY ${subMethod} (${text(first, "subpartition_expression")})` : "";
  return `${method} (${text(first, "partition_expression")})${sub} (${parts.join(", ")})`;
}

/** Partitioning by table name, from information_schema.PARTITIONS rows of partitioned tables. */
export function partitioningByTable(rows: readonly Row[]): Map<string, Partitioning> {
  const out = new Map<string, Partitioning>();
  for (const [table, tableRows] of groupBy(rows, (row) => text(row, "table_name"))) out.set(table, { by: canonicalPartitionBy(clauseFromRows(tableRows)) });
  return out;
}

/** How a change of partitioning is written. */
export interface PartitionAlteration {
  readonly sql: string;
  /** ADD/DROP PARTITION: MySQL takes no other clause in the same ALTER TABLE. */
  readonly alone: boolean;
  /** DROP PARTITION deletes the rows stored in the partitions. */
  readonly destructive: boolean;
}

function parsed(by: string): PartitionScheme | undefined {
  try {
    return parsePartitioning(by);
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/** The partitions appended to or removed from a RANGE or LIST scheme whose method stays, if that is all that changed. */
function partitionEdit(from: string, to: string): PartitionAlteration | undefined {
  const [a, b] = [parsed(from), parsed(to)];
  if (!a || !b || hashLike(a.method) || schemeText({ ...a, partitions: [] }) !== schemeText({ ...b, partitions: [] })) return undefined;
  const [before, after] = [a.partitions.map(partitionText), b.partitions.map(partitionText)];
  if (after.length > before.length && before.every((p, i) => p === after[i])) {
    return { sql: `ADD PARTITION (${after.slice(before.length).join(", ")})`, alone: true, destructive: false };
  }
  const dropped: PartitionDefinition[] = [];
  let next = 0;
  a.partitions.forEach((p, i) => {
    if (before[i] === after[next]) next += 1;
    else dropped.push(p);
  });
  if (next !== after.length || dropped.length === 0) return undefined;
  return { sql: `DROP PARTITION ${dropped.map((p) => quoteIdent(p.name)).join(", ")}`, alone: true, destructive: true };
}

/**
 * The clause that takes a table from one partitioning to another. `editable`: nothing else of
 * the table's options changes, so ADD/DROP PARTITION (which go alone) may be used.
 */
export function alterPartitioning(from: Partitioning | undefined, to: Partitioning | undefined, editable: boolean): PartitionAlteration {
  if (!to?.by) return { sql: "REMOVE PARTITIONING", alone: false, destructive: false };
  const edit = editable && from?.by ? partitionEdit(from.by, to.by) : undefined;
  return edit ?? { sql: `PARTITION BY ${to.by}`, alone: false, destructive: false };
}

/** Throws for PostgreSQL-style partitions (a table PARTITION OF another), which MySQL has not. */
export function rejectPartitionOf(table: Table): void {
  if (!table.partitioning?.of) return;
  throw new ShaleError("SHALE_E_UNSUPPORTED_CHANGE", `MySQL has no partitions as tables of their own (PARTITION OF), as ${table.name} asks.`, {
    hint: "Describe MySQL partitioning with PARTITION BY and its partition definitions.",
  });
}
