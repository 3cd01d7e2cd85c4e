/**
 * Hand-built IR pairs for the report golden files, one shape for every dialect with the
 * dialect's own type names and default expressions: a prod schema (`from`) and the dev
 * schema it drifted into (`to`).
 */
import type { Column, ColumnType, ForeignKey, Schema, SchemaDialect, Table, View } from "../../src/schema/types.js";
import { emptySchema } from "../../src/schema/types.js";

/** One golden case: a name and the two schemas. */
export interface ReportCase {
  readonly name: string;
  readonly from: Schema;
  readonly to: Schema;
}

interface Vocabulary {
  readonly schema: string;
  readonly int: ColumnType;
  readonly text: ColumnType;
  readonly varchar: (n: number) => ColumnType;
  readonly bool: ColumnType;
  readonly time: ColumnType;
  readonly now: string;
  readonly false: string;
}

const builtin = (name: string, ...args: string[]): ColumnType => (args.length ? { kind: "builtin", name, args } : { kind: "builtin", name });

const VOCABULARY: Record<SchemaDialect, Vocabulary> = {
  postgres: {
    schema: "public",
    int: builtin("integer"),
    text: builtin("text"),
    varchar: (n) => builtin("character varying", String(n)),
    bool: builtin("boolean"),
    time: builtin("timestamp with time zone"),
    now: "now()",
    false: "false",
  },
  mysql: {
    schema: "",
    int: builtin("int"),
    text: builtin("text"),
    varchar: (n) => builtin("varchar", String(n)),
    bool: builtin("tinyint", "1"),
    time: builtin("datetime"),
    now: "current_timestamp()",
    false: "0",
  },
  sqlite: {
    schema: "",
    int: builtin("integer"),
    text: builtin("text"),
    varchar: (n) => builtin("varchar", String(n)),
    bool: builtin("boolean"),
    time: builtin("timestamp"),
    now: "CURRENT_TIMESTAMP",
    false: "0",
  },
};

function column(name: string, type: ColumnType, nullable = true, extra: Partial<Column> = {}): Column {
  return { name, type, nullable, ...extra };
}

/**
 * The drift story in small: columns added, dropped and changed, indexes, a new table with keys, a
 * dropped key, a view; on PostgreSQL also a key whose comment alone changes and a new table's
 * commented foreign key.
 */
export function driftCase(dialect: SchemaDialect): ReportCase {
  const v = VOCABULARY[dialect];
  const s = v.schema;
  const id = (): Column => column("id", v.int, false, dialect === "sqlite" ? {} : { identity: dialect === "mysql" ? { kind: "auto-increment" } : { kind: "by-default" } });
  const tbl = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
    schema: s,
    name,
    columns: [id(), ...columns],
    primaryKey: dialect === "postgres" ? { name: `${name}_pkey`, columns: ["id"] } : { columns: ["id"] },
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes: [],
    ...extra,
  });
  const key = (name: string, columns: string[], references: string, onDelete: ForeignKey["onDelete"] = "no action", comment?: string): ForeignKey => ({
    name,
    columns,
    references: { schema: s, name: references },
    referencedColumns: ["id"],
    onDelete,
    onUpdate: "no action",
    ...(comment !== undefined && dialect === "postgres" ? { comment } : {}),
  });
  const recent = (columns: string): View => ({ schema: s, name: "recent_posts", definition: `SELECT ${columns} FROM posts`, materialized: false });

  const usersFrom = tbl("users", [column("email", v.varchar(100), false), column("name", v.text), column("legacy_flag", v.bool), column("created_at", v.time, true, { default: v.now })], {
    indexes: [{ name: "users_email_key", unique: true, parts: [{ column: "email" }] }],
  });
  const usersTo = tbl(
    "users",
    [column("email", v.varchar(255), false), column("name", v.text, false), column("created_at", v.time, false, { default: v.now }), column("display name", v.text)],
    {
      indexes: [{ name: "users_email_key", unique: true, parts: [{ column: "email" }] }, { name: "users_name_idx", unique: false, parts: [{ column: "name" }] }],
      ...(dialect === "postgres" ? { primaryKey: { name: "users_pkey", columns: ["id"], comment: "never reused" } } : {}),
    },
  );
  const postsFrom = tbl("posts", [column("user_id", v.int, false), column("title", v.text), column("status", v.varchar(20), true, { default: "'draft'" })], {
    foreignKeys: [key("posts_user_id_fkey", ["user_id"], "users")],
    indexes: [{ name: "posts_user_idx", unique: false, parts: [{ column: "user_id" }] }],
  });
  const postsTo = tbl("posts", [column("user_id", v.int, false), column("title", v.text), column("status", v.varchar(20), true, { default: "'new'" }), column("published", v.bool, false, { default: v.false })], {
    indexes: [
      { name: "posts_title_idx", unique: false, parts: [{ column: "title" }] },
      { name: "posts_user_idx", unique: false, parts: [{ column: "user_id" }, { column: "title" }] },
    ],
  });
  const comments = tbl("comments", [column("post_id", v.int, false), column("author_id", v.int), column("body", v.text, false)], {
    foreignKeys: [key("comments_author_id_fkey", ["author_id"], "users"), key("comments_post_id_fkey", ["post_id"], "posts", "cascade", "goes with its post")],
    indexes: [{ name: "comments_post_idx", unique: false, parts: [{ column: "post_id" }] }],
  });
  const auditLog = tbl("audit_log", [column("message", v.text)]);
  const base = { ...emptySchema(dialect), ...(dialect === "postgres" ? { namespaces: [{ name: "public" }] } : {}) };
  return {
    name: "drift",
    from: { ...base, tables: [auditLog, postsFrom, usersFrom], views: [recent("id, title")] },
    to: { ...base, tables: [comments, postsTo, usersTo], views: [recent("id, title, status")] },
  };
}

/** Names that must survive every report: quotes, backticks, pipes, spaces, reserved words, non-ASCII letters. */
export function identifiersCase(dialect: SchemaDialect): ReportCase {
  const v = VOCABULARY[dialect];
  const s = v.schema;
  const parent: Table = {
    schema: s,
    name: "order",
    columns: [column("id", v.int, false), column('we"ird', v.text), column("back`tick", v.text)],
    primaryKey: dialect === "postgres" ? { name: "order_pkey", columns: ["id"] } : { columns: ["id"] },
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes: [],
  };
  const child: Table = {
    schema: s,
    name: "Naïve Ünïcode|pipe",
    columns: [column("id", v.int, false), column("order id", v.int, false), column("Mixed Case", v.varchar(20))],
    primaryKey: { ...(dialect === "postgres" ? { name: "child_pkey" } : {}), columns: ["id"] },
    uniques: [],
    foreignKeys: [{ name: "fk to order", columns: ["order id"], references: { schema: s, name: "order" }, referencedColumns: ["id"], onDelete: "cascade", onUpdate: "no action" }],
    checks: [],
    indexes: [{ name: "idx|mixed", unique: false, parts: [{ column: "Mixed Case" }] }],
  };
  const base = { ...emptySchema(dialect), ...(dialect === "postgres" ? { namespaces: [{ name: "public" }] } : {}) };
  return {
    name: "identifiers",
    from: { ...base, tables: [parent] },
    to: { ...base, tables: [child, { ...parent, columns: [...parent.columns.slice(0, 2), column("sélect", v.text)] }] },
  };
}
