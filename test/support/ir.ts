/**
 * Terse builders for IR values in pure tests: `table("s.t", [col("id"), col("name", "text")])`.
 * A name without a dot lives in schema "public".
 */
import type {
  Check,
  Column,
  ColumnType,
  EnumType,
  ForeignKey,
  Index,
  QualifiedName,
  Routine,
  Schema,
  SchemaDialect,
  Sequence,
  Table,
  Trigger,
  View,
} from "../../src/schema/types.js";
import { emptySchema } from "../../src/schema/types.js";

/** "s.name" → {schema: "s", name}; "name" → {schema: "public", name}. */
export function qn(name: string | QualifiedName): QualifiedName {
  if (typeof name !== "string") return { schema: name.schema, name: name.name };
  const dot = name.indexOf(".");
  return dot < 0 ? { schema: "public", name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}

/** A builtin type: "integer", or "varchar(20)", "numeric(10,2)". */
export function ty(spec: string | ColumnType): ColumnType {
  if (typeof spec !== "string") return spec;
  const m = /^([^(]+)\((.*)\)$/.exec(spec);
  return m ? { kind: "builtin", name: m[1]!, args: m[2]!.split(",").map((a) => a.trim()) } : { kind: "builtin", name: spec };
}

/** A column, nullable unless said otherwise. */
export function col(name: string, type: string | ColumnType = "integer", extra: Partial<Column> = {}): Column {
  return { name, type: ty(type), nullable: true, ...extra };
}

/** A NOT NULL integer "id" column. */
export function id(name = "id"): Column {
  return col(name, "integer", { nullable: false });
}

/** A table with no keys unless given. */
export function table(name: string, columns: Column[], extra: Partial<Table> = {}): Table {
  return { ...qn(name), columns, uniques: [], foreignKeys: [], checks: [], indexes: [], ...extra };
}

/** A table with an "id" primary key and the given other columns. */
export function entity(name: string, columns: Column[] = [], extra: Partial<Table> = {}): Table {
  return table(name, [id(), ...columns], { primaryKey: { name: `${qn(name).name}_pkey`, columns: ["id"] }, ...extra });
}

/** A foreign key (referencing "id" by default) with no actions. */
export function fk(name: string, columns: string[], references: string, referencedColumns = ["id"], extra: Partial<ForeignKey> = {}): ForeignKey {
  return { name, columns, references: qn(references), referencedColumns, onDelete: "no action", onUpdate: "no action", ...extra };
}

/** An index over plain columns. */
export function idx(name: string, columns: string[], extra: Partial<Index> = {}): Index {
  return { name, unique: false, parts: columns.map((column) => ({ column })), ...extra };
}

/** A check constraint; omit the name for SQLite-style unnamed checks. */
export function check(expression: string, name?: string): Check {
  return name === undefined ? { expression } : { name, expression };
}

/** A plain view (or materialized with extra). */
export function view(name: string, definition: string, extra: Partial<View> = {}): View {
  return { ...qn(name), definition, materialized: false, ...extra };
}

/** An enum type. */
export function enumType(name: string, values: string[], extra: Partial<EnumType> = {}): EnumType {
  return { ...qn(name), values, ...extra };
}

/** A bigint sequence with default options. */
export function sequence(name: string, extra: Partial<Sequence> = {}): Sequence {
  return { ...qn(name), type: "bigint", start: "1", increment: "1", min: "1", max: "9223372036854775807", cache: "1", cycle: false, ...extra };
}

/** A function with no arguments. */
export function routine(name: string, body: string, extra: Partial<Routine> = {}): Routine {
  return { ...qn(name), kind: "function", signature: "", definition: `CREATE FUNCTION ${name}() ${body}`, ...extra };
}

/** A trigger on a table. */
export function trigger(name: string, on: string, definition: string, extra: Partial<Trigger> = {}): Trigger {
  return { schema: qn(on).schema, name, table: qn(on), definition, ...extra };
}

/** A schema of the dialect with the given parts, taken as given. */
export function schema(parts: Partial<Omit<Schema, "dialect">> = {}, dialect: SchemaDialect = "postgres"): Schema {
  return { ...emptySchema(dialect), ...parts };
}

/** A schema holding every kind of object the IR has, for diff(x, x) and round-trip tests. */
export function richSchema(): Schema {
  const status = enumType("app.status", ["new", "done"], { comment: "state" });
  const users = entity("app.users", [col("email", "text", { nullable: false, collation: "C" }), col("status", { kind: "named", schema: "app", name: "status" })], {
    uniques: [{ name: "users_email_key", columns: ["email"], deferrable: true }],
    checks: [check("email <> ''", "users_email_check"), check("id > 0")],
    indexes: [idx("users_lower_idx", [], { parts: [{ expression: "lower(email)", descending: true, nulls: "first" }], where: "id > 0", method: "btree" })],
    comment: "people",
  });
  const posts = entity("app.posts", [col("user_id", "bigint"), col("tags", { kind: "array", element: { kind: "builtin", name: "text" } }), col("n", "numeric(10,2)", { default: "0" })], {
    foreignKeys: [fk("posts_user_fk", ["user_id"], "app.users", ["id"], { onDelete: "cascade", deferrable: true, initiallyDeferred: true })],
    indexes: [idx("posts_user_idx", ["user_id"], { include: ["n"], attrs: { "postgres.with": "fillfactor=70" } })],
    partitioning: { by: "RANGE (id)" },
  });
  return schema({
    namespaces: [{ name: "app", comment: "the app" }, { name: "public" }],
    extensions: [{ name: "citext", schema: "public", version: "1.6" }],
    enums: [status],
    domains: [{ ...qn("app.pos"), type: { kind: "builtin", name: "integer" }, nullable: false, default: "1", checks: [check("VALUE > 0", "pos_check")] }],
    sequences: [sequence("app.counter", { ownedBy: { table: qn("app.posts"), column: "n" } })],
    tables: [posts, users],
    views: [
      view("app.active", "SELECT id FROM app.users", { dependsOn: [qn("app.users")], columns: ["id"] }),
      view("app.totals", "SELECT count(*) FROM app.posts", { materialized: true, indexes: [idx("totals_idx", ["count"])] }),
    ],
    routines: [routine("app.touch", "RETURNS trigger AS 'begin return new; end'", { comment: "c" })],
    triggers: [trigger("users_touch", "app.users", "CREATE TRIGGER users_touch BEFORE UPDATE ON app.users", { routine: qn("app.touch") })],
  });
}
