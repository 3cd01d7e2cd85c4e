/**
 * A deterministic generated schema for the schema-engine benchmarks: `tables` tables of about
 * 12 columns of varied types, 3 indexes and 1 foreign key to an earlier table each, some
 * views and enums; and a drifted copy with a few percent of its columns and indexes changed.
 * This file builds the dialect-neutral model; schema-sql.mjs writes it as PostgreSQL or
 * MariaDB DDL. The same parameters always give the same model.
 */
import { prng } from "./generate.mjs";

const NOUNS = [
  "accounts", "users", "orders", "invoices", "payments", "products", "categories", "carts", "shipments", "addresses",
  "reviews", "coupons", "refunds", "suppliers", "warehouses", "stock_moves", "tickets", "comments", "tags", "sessions",
];

const ENUM_VALUES = ["draft", "pending", "active", "paused", "archived", "deleted", "failed", "done"];

/**
 * The optional columns a table draws from: [name, kind, nullable, default, size?].
 * Kinds are dialect-neutral; schema-sql.mjs maps them to each database's types.
 */
const COLUMN_POOL = [
  ["title", "varchar", true, undefined, 200],
  ["email", "varchar", true, undefined, 255],
  ["slug", "varchar", false, "''", 80],
  ["city", "varchar", true, undefined, 100],
  ["country", "char", true, undefined, 2],
  ["quantity", "int", false, "0"],
  ["position", "smallint", true, undefined],
  ["views", "bigint", false, "0"],
  ["amount", "numeric", false, "0"],
  ["price", "numeric", true, undefined],
  ["score", "double", true, undefined],
  ["is_active", "bool", false, "true"],
  ["is_deleted", "bool", false, "false"],
  ["details", "json", true, undefined],
  ["description", "text", true, undefined],
  ["notes", "text", true, undefined],
  ["published_at", "timestamp", true, undefined],
  ["valid_from", "date", true, undefined],
  ["external_id", "uuid", true, undefined],
  ["checksum", "bytes", true, undefined],
  ["state", "enum", false, undefined],
  ["kind", "enum", true, undefined],
  ["labels", "list", true, undefined],
  ["ratio", "real", true, undefined],
];

/** Kinds a plain B-tree index can take on both dialects without a prefix length. */
const INDEXABLE = new Set(["varchar", "char", "int", "smallint", "bigint", "numeric", "double", "bool", "timestamp", "date", "enum", "real"]);

/** Options: tables, views (default one per 20 tables, at most tables/2), enums (default 10), seed. */
export function generateSchemaModel({ tables = 1000, views = Math.round(tables / 20), enums = 10, seed = 20261121 } = {}) {
  const rand = prng(seed);
  const int = (n) => Math.floor(rand() * n);
  const enumList = Array.from({ length: enums }, (_, i) => {
    const count = 3 + int(4);
    const start = int(ENUM_VALUES.length - count + 1);
    return { name: `status_${i + 1}`, values: ENUM_VALUES.slice(start, start + count) };
  });
  const width = String(tables).length;
  const tableList = [];
  for (let i = 0; i < tables; i++) tableList.push(makeTable(i, width, tableList, enumList, rand));
  const viewCount = Math.min(views, Math.floor(tables / 2));
  const viewList = Array.from({ length: viewCount }, (_, i) => makeView(i, tableList, rand));
  return { enums: enumList, tables: tableList, views: viewList };
}

function makeTable(i, width, earlier, enumList, rand) {
  const int = (n) => Math.floor(rand() * n);
  const name = `t${String(i + 1).padStart(width, "0")}_${NOUNS[i % NOUNS.length]}`;
  const columns = [{ name: "id", kind: "id", nullable: false }];
  let fk;
  if (earlier.length > 0) {
    // Half the keys point near (a chain of related tables), half anywhere before.
    const parent = rand() < 0.5 ? earlier[Math.max(0, earlier.length - 1 - int(20))] : earlier[int(earlier.length)];
    const onDelete = ["cascade", "restrict", "set null", "no action"][int(4)];
    const column = `${parent.name.replace(/^t\d+_/, "")}_id`;
    columns.push({ name: column, kind: "bigint", nullable: onDelete === "set null" });
    fk = { name: `${name}_${column}_fkey`, column, references: parent.name, onDelete };
  }
  columns.push({ name: "name", kind: "varchar", size: 120, nullable: false }, { name: "code", kind: "varchar", size: 32, nullable: true });
  const pool = [...COLUMN_POOL];
  for (let k = 0; k < 7; k++) {
    const [colName, kind, nullable, def, size] = pool.splice(int(pool.length), 1)[0];
    const column = { name: colName, kind, nullable };
    if (size) column.size = size;
    if (kind === "enum") {
      const type = enumList.length ? enumList[int(enumList.length)] : undefined;
      if (!type) continue;
      column.enum = type.name;
      if (!nullable) column.default = `'${type.values[0]}'`;
    } else if (def !== undefined) column.default = def;
    if (rand() < 0.05) column.comment = `the ${colName} of a ${NOUNS[i % NOUNS.length].replace(/s$/, "")}`;
    columns.push(column);
  }
  columns.push({ name: "created_at", kind: "timestamp", nullable: false, default: "now" });
  const indexable = columns.filter((c) => INDEXABLE.has(c.kind) && !["code", "created_at", fk?.column].includes(c.name));
  const second = indexable[int(indexable.length)];
  const indexes = [
    fk ? { name: `${name}_${fk.column}_idx`, columns: [fk.column], unique: false } : { name: `${name}_created_at_idx`, columns: ["created_at"], unique: false },
    { name: `${name}_code_key`, columns: ["code"], unique: true },
    {
      name: `${name}_${second.name}_idx`,
      columns: second.name === "name" ? ["name", "created_at"] : [second.name, "name"],
      unique: false,
      ...(rand() < 0.25 ? { where: "code IS NOT NULL" } : {}),
    },
  ];
  const amount = columns.find((c) => c.kind === "numeric");
  const checks = amount && rand() < 0.4 ? [{ name: `${name}_${amount.name}_check`, expression: `${amount.name} >= 0` }] : [];
  return { name, columns, fk, indexes, checks, ...(i % 10 === 0 ? { comment: `generated table ${i + 1}` } : {}) };
}

/** A view over a table and its parent: a join, or a join with an aggregate. Reads only columns drift never touches. */
function makeView(i, tables, rand) {
  const withParent = tables.filter((t) => t.fk);
  const child = withParent[Math.floor(rand() * withParent.length)];
  const name = `v${String(i + 1).padStart(3, "0")}_${child.name.replace(/^t\d+_/, "")}`;
  const from = `${child.name} c JOIN ${child.fk.references} p ON p.id = c.${child.fk.column}`;
  return i % 2 === 0
    ? { name, select: "c.id, c.name, c.code, p.name AS parent_name", from }
    : { name, select: "p.id, p.name, count(*) AS children", from, groupBy: "p.id, p.name" };
}

const clone = (value) => JSON.parse(JSON.stringify(value));
const FIXED = new Set(["id", "name", "code", "created_at"]);

/**
 * A drifted copy of a model, as ALTERs on a live database would leave it: each column (bar
 * the key, the foreign key and the name, code and created_at that views and indexes read)
 * changed with probability `rate` (type, nullability or default; or dropped when no index or
 * check uses it), each non-unique index dropped or changed with probability `rate`, a column
 * (at the end) and an index added to about `rate` of the tables, a few new tables, one enum
 * value and a few view bodies.
 * Returns { model, counts } where counts says how many of each change were made.
 */
export function driftSchemaModel(model, { rate = 0.03, seed = 7 } = {}) {
  const rand = prng(seed);
  const next = clone(model);
  const counts = { columnsChanged: 0, columnsDropped: 0, columnsAdded: 0, indexesChanged: 0, indexesDropped: 0, indexesAdded: 0, tablesAdded: 0, viewsChanged: 0, enumsChanged: 0 };
  for (const table of next.tables) driftTable(table, rate, rand, counts);
  const added = Math.max(1, Math.round((next.tables.length * rate) / 10));
  const width = String(model.tables.length).length;
  for (let k = 0; k < added; k++) {
    next.tables.push(makeTable(next.tables.length, width, next.tables, next.enums, rand));
    counts.tablesAdded++;
  }
  if (next.enums.length) {
    next.enums[0].values.push("migrated");
    counts.enumsChanged++;
  }
  const changedViews = Math.max(1, Math.round(next.views.length * rate));
  const step = Math.max(1, Math.floor(next.views.length / changedViews));
  for (let k = 0; k < changedViews && k * step < next.views.length; k++) {
    next.views[k * step].where = "c.id > 0";
    counts.viewsChanged++;
  }
  return { model: next, counts };
}

function driftTable(table, rate, rand, counts) {
  const indexed = new Set(table.indexes.flatMap((ix) => ix.columns));
  const checked = new Set(table.checks.map((c) => c.expression.split(" ")[0]));
  const keep = [];
  for (const column of table.columns) {
    const fixed = FIXED.has(column.name) || column.name === table.fk?.column || column.kind === "id";
    if (fixed || rand() >= rate) {
      keep.push(column);
      continue;
    }
    const roll = rand();
    if (roll < 0.2 && !indexed.has(column.name) && !checked.has(column.name)) {
      counts.columnsDropped++;
      continue;
    }
    keep.push(roll < 0.55 ? widen(column) : roll < 0.8 ? { ...column, nullable: !column.nullable } : redefault(column));
    counts.columnsChanged++;
  }
  table.columns = keep;
  if (rand() < rate) {
    table.columns.push({ name: "archived_at", kind: "timestamp", nullable: true });
    counts.columnsAdded++;
  }
  for (const index of table.indexes) {
    if (index.unique || rand() >= rate) continue;
    if (rand() < 0.4) {
      index.drop = true;
      counts.indexesDropped++;
    } else {
      const shorter = index.columns.filter((c) => c !== "created_at");
      index.columns = shorter.length === index.columns.length ? [...index.columns, "created_at"] : shorter.length ? shorter : ["created_at", "name"];
      counts.indexesChanged++;
    }
  }
  table.indexes = table.indexes.filter((ix) => !ix.drop);
  if (rand() < rate / 2) {
    table.indexes.push({ name: `${table.name}_name_created_idx`, columns: ["created_at", "name"], unique: false });
    counts.indexesAdded++;
  }
}

/** A wider type where there is one, else a changed nullability. */
function widen(column) {
  if (column.kind === "varchar") return { ...column, size: column.size * 2 };
  if (column.kind === "int" || column.kind === "smallint") return { ...column, kind: column.kind === "int" ? "bigint" : "int" };
  if (column.kind === "numeric") return { ...column, precision: 16 };
  if (column.kind === "real") return { ...column, kind: "double" };
  return { ...column, nullable: !column.nullable };
}

/** A new default, or the default removed. */
function redefault(column) {
  if (column.default !== undefined && column.nullable) {
    const { default: _removed, ...rest } = column;
    return rest;
  }
  const defaults = { varchar: "'n/a'", char: "'XX'", int: "1", smallint: "1", bigint: "1", numeric: "1", double: "1", real: "1", bool: "true", text: "''", timestamp: "now", date: "today" };
  const next = defaults[column.kind];
  if (next === undefined || next === column.default) return { ...column, nullable: !column.nullable };
  return { ...column, default: next };
}

/** The number of objects in a model, for the report: tables, columns, indexes, foreign keys, views, enums. */
export function modelStats(model) {
  return {
    tables: model.tables.length,
    columns: model.tables.reduce((n, t) => n + t.columns.length, 0),
    indexes: model.tables.reduce((n, t) => n + t.indexes.length, 0),
    foreignKeys: model.tables.filter((t) => t.fk).length,
    views: model.views.length,
    enums: model.enums.length,
  };
}

/** The model in one line for a report: its counts and the column types it uses. */
export function describeModel(model) {
  const s = modelStats(model);
  const checks = model.tables.reduce((n, t) => n + t.checks.length, 0);
  const n = (value) => value.toLocaleString("en-US");
  return (
    `${n(s.tables)} tables, ${n(s.columns)} columns (about 12 per table, ${new Set(model.tables.flatMap((t) => t.columns.map((c) => c.kind))).size} kinds of type: ` +
    "identity key, integers, numeric, floats, boolean, varchar, char, text, json, timestamps, date, uuid, bytes, arrays, enums), " +
    `${n(s.indexes)} indexes (3 per table: the foreign key's, a unique one, a composite one of which a quarter are partial on PostgreSQL), ` +
    `${n(s.foreignKeys)} foreign keys (1 per table, to an earlier table), ${n(checks)} checks, ${n(s.views)} views (joins, half with GROUP BY), ${n(s.enums)} enums`
  );
}

/**
 * How many changes a differ should find between a model and its drift on a dialect: one per
 * edit, two for a changed index (a drop and a create). On MariaDB an enum is inline, so every
 * otherwise unchanged column of the changed enum changes instead; and a dropped index of a
 * foreign key is replaced by the index MariaDB makes for the key itself.
 */
export function expectedChanges(base, drift, dialect) {
  const c = drift.counts;
  const common = c.columnsChanged + c.columnsDropped + c.columnsAdded + 2 * c.indexesChanged + c.indexesDropped + c.indexesAdded + c.tablesAdded + c.viewsChanged;
  if (dialect === "postgres") return common + c.enumsChanged;
  const changedEnum = c.enumsChanged ? drift.model.enums[0].name : undefined;
  let extra = 0;
  const before = new Map(base.tables.map((t) => [t.name, t]));
  for (const t of drift.model.tables) {
    const old = before.get(t.name);
    if (!old) continue;
    for (const col of t.columns) {
      const was = old.columns.find((x) => x.name === col.name);
      if (col.enum === changedEnum && was && JSON.stringify(was) === JSON.stringify(col)) extra++;
    }
    if (old.fk && !t.indexes.some((ix) => ix.columns[0] === old.fk.column)) extra++;
  }
  return common + extra;
}

/** The drift counts as one readable line. */
export function describeDrift(counts) {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `${total} changes (${parts.join(", ")})`;
}
