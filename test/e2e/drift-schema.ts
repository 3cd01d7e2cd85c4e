/**
 * The dev/prod drift story's schemas, written once and rendered as each dialect's DDL: the
 * base schema prod runs, and the dev schema it drifted into (about 70 differences: columns
 * added, dropped and changed, indexes added, dropped and replaced, a dropped table, two new
 * tables with foreign keys, a dropped foreign key, changed defaults). Plus a few rows for
 * prod, so the DDL is applied to a database that holds data.
 */
import type { DialectName } from "../../src/dialects/dialect.js";

type TypeName = "int" | "text" | "money" | "money12" | "bool" | "ts" | `str${number}`;
type DefaultName = "now" | "true" | "false" | "zero" | `'${string}'`;

interface ColumnSpec {
  readonly name: string;
  readonly type: TypeName;
  readonly notNull?: boolean;
  readonly default?: DefaultName;
}

interface ForeignKeySpec {
  readonly name: string;
  readonly column: string;
  readonly references: string;
  readonly onDelete?: "CASCADE" | "SET NULL";
}

interface IndexSpec {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique?: boolean;
}

/** A table of the story. */
export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly foreignKeys: readonly ForeignKeySpec[];
  readonly indexes: readonly IndexSpec[];
}

const c = (name: string, type: TypeName, extra: Omit<ColumnSpec, "name" | "type"> = {}): ColumnSpec => ({ name, type, ...extra });
const id = c("id", "int", { notNull: true });
const fk = (name: string, column: string, references: string, onDelete?: ForeignKeySpec["onDelete"]): ForeignKeySpec => ({ name, column, references, ...(onDelete ? { onDelete } : {}) });
const ix = (name: string, columns: string[], unique = false): IndexSpec => ({ name, columns, unique });

/** The schema prod runs, tables in foreign-key order. */
export const PROD: readonly TableSpec[] = [
  {
    name: "categories",
    columns: [id, c("name", "str100", { notNull: true }), c("slug", "str100", { notNull: true }), c("parent_id", "int"), c("created_at", "ts", { default: "now" })],
    foreignKeys: [fk("categories_parent_id_fkey", "parent_id", "categories")],
    indexes: [ix("categories_slug_key", ["slug"], true), ix("categories_parent_idx", ["parent_id"])],
  },
  {
    name: "users",
    columns: [
      id,
      c("email", "str150", { notNull: true }),
      c("name", "str100"),
      c("password_hash", "str200", { notNull: true }),
      c("is_admin", "bool", { notNull: true, default: "false" }),
      c("created_at", "ts", { notNull: true, default: "now" }),
      c("last_login", "ts"),
      c("legacy_code", "str20"),
      c("bio", "text"),
    ],
    foreignKeys: [],
    indexes: [ix("users_email_key", ["email"], true), ix("users_name_idx", ["name"])],
  },
  {
    name: "accounts",
    columns: [id, c("owner_id", "int", { notNull: true }), c("plan", "str20", { notNull: true, default: "'free'" }), c("balance", "money", { notNull: true, default: "zero" }), c("status", "str20"), c("created_at", "ts")],
    foreignKeys: [fk("accounts_owner_id_fkey", "owner_id", "users")],
    indexes: [ix("accounts_owner_idx", ["owner_id"]), ix("accounts_plan_idx", ["plan"])],
  },
  {
    name: "products",
    columns: [
      id,
      c("category_id", "int"),
      c("sku", "str40", { notNull: true }),
      c("title", "str200", { notNull: true }),
      c("price", "money", { notNull: true }),
      c("stock", "int", { notNull: true, default: "zero" }),
      c("weight", "money"),
      c("description", "text"),
      c("discontinued", "bool", { default: "false" }),
    ],
    foreignKeys: [fk("products_category_id_fkey", "category_id", "categories", "SET NULL")],
    indexes: [ix("products_sku_key", ["sku"], true), ix("products_category_idx", ["category_id"]), ix("products_title_idx", ["title"])],
  },
  {
    name: "orders",
    columns: [
      id,
      c("user_id", "int", { notNull: true }),
      c("account_id", "int"),
      c("status", "str20", { notNull: true, default: "'new'" }),
      c("total", "money", { notNull: true, default: "zero" }),
      c("placed_at", "ts"),
      c("note", "text"),
      c("coupon", "str30"),
    ],
    foreignKeys: [fk("orders_user_id_fkey", "user_id", "users"), fk("orders_account_id_fkey", "account_id", "accounts")],
    indexes: [ix("orders_user_idx", ["user_id"]), ix("orders_account_idx", ["account_id"]), ix("orders_status_idx", ["status"]), ix("orders_placed_at_idx", ["placed_at"])],
  },
  {
    name: "order_items",
    columns: [id, c("order_id", "int", { notNull: true }), c("product_id", "int", { notNull: true }), c("quantity", "int", { notNull: true, default: "'1'" }), c("unit_price", "money", { notNull: true }), c("discount", "money")],
    foreignKeys: [fk("order_items_order_id_fkey", "order_id", "orders", "CASCADE"), fk("order_items_product_id_fkey", "product_id", "products")],
    indexes: [ix("order_items_order_idx", ["order_id"]), ix("order_items_product_idx", ["product_id"])],
  },
  {
    name: "audit_events",
    columns: [id, c("user_id", "int"), c("action", "str50", { notNull: true }), c("payload", "text"), c("created_at", "ts")],
    foreignKeys: [],
    indexes: [ix("audit_events_action_idx", ["action"])],
  },
  {
    name: "sessions",
    columns: [id, c("user_id", "int", { notNull: true }), c("token", "str100", { notNull: true }), c("expires_at", "ts")],
    foreignKeys: [fk("sessions_user_id_fkey", "user_id", "users", "CASCADE")],
    indexes: [ix("sessions_token_key", ["token"], true), ix("sessions_user_idx", ["user_id"])],
  },
];

function edit(name: string, change: (t: TableSpec) => Partial<TableSpec>): (t: TableSpec) => TableSpec {
  return (t) => (t.name === name ? { ...t, ...change(t) } : t);
}

const without = <T extends { readonly name: string }>(items: readonly T[], ...names: string[]): T[] => items.filter((i) => !names.includes(i.name));
const replace = (columns: readonly ColumnSpec[], column: ColumnSpec): ColumnSpec[] => columns.map((x) => (x.name === column.name ? column : x));

const EDITS = [
  edit("categories", (t) => ({
    columns: [
      ...replace(replace(without(t.columns, "parent_id"), c("name", "str150", { notNull: true })), c("slug", "str120", { notNull: true })),
      c("description", "text"),
      c("position", "int", { notNull: true, default: "zero" }),
      c("is_visible", "bool", { notNull: true, default: "true" }),
    ],
    foreignKeys: [],
    indexes: [...without(t.indexes, "categories_parent_idx"), ix("categories_position_idx", ["position"]), ix("categories_visible_position_idx", ["is_visible", "position"])],
  })),
  edit("users", (t) => ({
    columns: [
      ...replace(replace(without(t.columns, "legacy_code", "bio"), c("name", "str120", { notNull: true })), c("email", "str200", { notNull: true })),
      c("phone", "str30"),
      c("locale", "str10", { notNull: true, default: "'en'" }),
      c("timezone", "str50"),
      c("email_verified_at", "ts"),
      c("display_name", "str100"),
      c("referral_code", "str20"),
      c("marketing_opt_in", "bool", { notNull: true, default: "false" }),
    ],
    indexes: [
      ix("users_email_key", ["email"], true),
      ix("users_name_idx", ["name", "email"]),
      ix("users_locale_idx", ["locale"]),
      ix("users_display_name_idx", ["display_name"]),
      ix("users_referral_code_key", ["referral_code"], true),
    ],
  })),
  edit("accounts", (t) => ({
    columns: [
      ...replace(replace(without(t.columns, "status"), c("plan", "str20", { notNull: true, default: "'basic'" })), c("balance", "money", { notNull: true, default: "'100'" })),
      c("currency", "str3", { notNull: true, default: "'EUR'" }),
      c("closed_at", "ts"),
      c("notes", "text"),
      c("opened_by", "int"),
    ],
    indexes: [...without(t.indexes, "accounts_plan_idx"), ix("accounts_currency_idx", ["currency"]), ix("accounts_closed_at_idx", ["closed_at"])],
  })),
  edit("products", (t) => ({
    columns: [
      ...replace(
        replace(replace(without(t.columns, "weight"), c("price", "money12", { notNull: true })), c("title", "str250", { notNull: true })),
        c("stock", "int", { notNull: true, default: "'10'" }),
      ),
      c("barcode", "str64"),
      c("vendor", "str100"),
      c("rating", "money"),
    ],
    indexes: [
      ...without(t.indexes, "products_title_idx"),
      ix("products_barcode_key", ["barcode"], true),
      ix("products_vendor_idx", ["vendor"]),
      ix("products_category_price_idx", ["category_id", "price"]),
      ix("products_stock_idx", ["stock"]),
    ],
  })),
  edit("orders", (t) => ({
    columns: [
      ...replace(without(t.columns, "coupon"), c("status", "str20", { notNull: true, default: "'pending'" })),
      c("shipped_at", "ts"),
      c("tracking_code", "str60"),
      c("channel", "str20", { notNull: true, default: "'web'" }),
      c("coupon_id", "int"),
    ],
    foreignKeys: [...without(t.foreignKeys, "orders_account_id_fkey"), fk("orders_coupon_id_fkey", "coupon_id", "coupons", "SET NULL")],
    indexes: [
      ...without(t.indexes, "orders_placed_at_idx"),
      ix("orders_shipped_at_idx", ["shipped_at"]),
      ix("orders_channel_idx", ["channel"]),
      ix("orders_user_status_idx", ["user_id", "status"]),
      ix("orders_coupon_idx", ["coupon_id"]),
    ],
  })),
  edit("order_items", (t) => ({
    columns: [
      ...replace(replace(t.columns, c("discount", "money", { notNull: true, default: "zero" })), c("quantity", "int", { notNull: true, default: "'2'" })),
      c("tax_rate", "money", { notNull: true, default: "zero" }),
      c("sku_snapshot", "str40"),
    ],
    indexes: [...t.indexes, ix("order_items_order_product_key", ["order_id", "product_id"], true)],
  })),
  edit("sessions", (t) => ({
    columns: [...replace(replace(t.columns, c("token", "str128", { notNull: true })), c("expires_at", "ts", { default: "now" })), c("ip_address", "str45"), c("user_agent", "str200")],
    indexes: [...t.indexes, ix("sessions_expires_idx", ["expires_at"])],
  })),
];

const NEW_TABLES: readonly TableSpec[] = [
  {
    name: "coupons",
    columns: [id, c("code", "str30", { notNull: true }), c("percent", "int", { notNull: true }), c("valid_until", "ts")],
    foreignKeys: [],
    indexes: [ix("coupons_code_key", ["code"], true)],
  },
  {
    name: "reviews",
    columns: [id, c("product_id", "int", { notNull: true }), c("user_id", "int", { notNull: true }), c("rating", "int", { notNull: true }), c("body", "text"), c("created_at", "ts", { default: "now" })],
    foreignKeys: [fk("reviews_product_id_fkey", "product_id", "products", "CASCADE"), fk("reviews_user_id_fkey", "user_id", "users")],
    indexes: [ix("reviews_product_idx", ["product_id"]), ix("reviews_user_created_idx", ["user_id", "created_at"])],
  },
  {
    name: "wishlists",
    columns: [id, c("user_id", "int", { notNull: true }), c("product_id", "int", { notNull: true }), c("added_at", "ts")],
    foreignKeys: [fk("wishlists_user_id_fkey", "user_id", "users", "CASCADE"), fk("wishlists_product_id_fkey", "product_id", "products", "CASCADE")],
    indexes: [ix("wishlists_user_product_key", ["user_id", "product_id"], true), ix("wishlists_product_idx", ["product_id"])],
  },
];

/** The schema dev drifted into. */
export const DEV: readonly TableSpec[] = [
  ...NEW_TABLES.slice(0, 1),
  ...PROD.filter((t) => t.name !== "audit_events").map((t) => EDITS.reduce((acc, f) => f(acc), t)),
  ...NEW_TABLES.slice(1),
];

function typeSql(type: TypeName, dialect: DialectName): string {
  if (type.startsWith("str")) return `varchar(${type.slice(3)})`;
  switch (type) {
    case "int":
      return dialect === "mysql" ? "int" : "integer";
    case "text":
      return "text";
    case "money":
      return dialect === "mysql" ? "decimal(10,2)" : "numeric(10,2)";
    case "money12":
      return dialect === "mysql" ? "decimal(12,2)" : "numeric(12,2)";
    case "bool":
      return dialect === "mysql" ? "tinyint(1)" : "boolean";
    case "ts":
      return dialect === "mysql" ? "datetime" : "timestamp";
  }
  throw new Error(`unknown type ${type}`);
}

function defaultSql(value: DefaultName, dialect: DialectName): string {
  switch (value) {
    case "now":
      return "CURRENT_TIMESTAMP";
    case "true":
      return dialect === "postgres" ? "true" : "1";
    case "false":
      return dialect === "postgres" ? "false" : "0";
    case "zero":
      return "0";
    default:
      return value;
  }
}

/** The CREATE TABLE and CREATE INDEX statements of a schema, tables in the order given. */
export function schemaDdl(tables: readonly TableSpec[], dialect: DialectName): string[] {
  const q = (name: string) => (dialect === "mysql" ? `\`${name}\`` : `"${name}"`);
  const statements: string[] = [];
  for (const table of tables) {
    const lines = table.columns.map((col) => {
      const parts = [q(col.name), typeSql(col.type, dialect)];
      if (col.notNull) parts.push("NOT NULL");
      if (col.default) parts.push(`DEFAULT ${defaultSql(col.default, dialect)}`);
      return `  ${parts.join(" ")}`;
    });
    lines.push(`  ${dialect === "postgres" ? `CONSTRAINT ${q(`${table.name}_pkey`)} ` : ""}PRIMARY KEY (${q("id")})`);
    for (const key of table.foreignKeys) {
      lines.push(`  CONSTRAINT ${q(key.name)} FOREIGN KEY (${q(key.column)}) REFERENCES ${q(key.references)} (${q("id")})${key.onDelete ? ` ON DELETE ${key.onDelete}` : ""}`);
    }
    statements.push(`CREATE TABLE ${q(table.name)} (\n${lines.join(",\n")}\n)`);
    for (const index of table.indexes) {
      statements.push(`CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${q(index.name)} ON ${q(table.name)} (${index.columns.map(q).join(", ")})`);
    }
  }
  return statements;
}

/** A few rows for prod that the dev schema's constraints also accept. */
export function prodRows(dialect: DialectName): string[] {
  const t = dialect === "postgres" ? "true" : "1";
  const f = dialect === "postgres" ? "false" : "0";
  return [
    "INSERT INTO categories (id, name, slug, parent_id) VALUES (1, 'Books', 'books', NULL), (2, 'Novels', 'novels', 1)",
    `INSERT INTO users (id, email, name, password_hash, is_admin) VALUES (1, 'ada@example.com', 'Ada', 'x', ${t}), (2, 'bob@example.com', 'Bob', 'y', ${f})`,
    "INSERT INTO accounts (id, owner_id, plan, balance) VALUES (1, 1, 'pro', 10.50)",
    "INSERT INTO products (id, category_id, sku, title, price, weight) VALUES (1, 2, 'B-1', 'Dune', 9.99, 0.40), (2, 1, 'B-2', 'Emma', 5.00, NULL)",
    "INSERT INTO orders (id, user_id, account_id, status, total, coupon) VALUES (1, 1, 1, 'paid', 14.99, 'SPRING')",
    "INSERT INTO order_items (id, order_id, product_id, quantity, unit_price, discount) VALUES (1, 1, 1, 1, 9.99, 0), (2, 1, 2, 1, 5.00, 0)",
    "INSERT INTO audit_events (id, user_id, action) VALUES (1, 1, 'login')",
    "INSERT INTO sessions (id, user_id, token) VALUES (1, 2, 'tok-1')",
  ];
}

/** A trigger dev has and prod lacks, with a body of several statements (DELIMITER on MySQL). */
export function devTrigger(dialect: DialectName): string[] {
  switch (dialect) {
    case "postgres":
      return [
        "CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.status := lower(NEW.status); NEW.channel := lower(NEW.channel); RETURN NEW; END $$",
        "CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION orders_touch()",
      ];
    case "mysql":
      return ["CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW BEGIN SET NEW.status = lower(NEW.status); SET NEW.channel = lower(NEW.channel); END"];
    case "sqlite":
      return [
        "CREATE TRIGGER orders_touch AFTER INSERT ON orders BEGIN UPDATE orders SET status = lower(status) WHERE id = NEW.id; UPDATE orders SET channel = lower(channel) WHERE id = NEW.id; END",
      ];
  }
}
