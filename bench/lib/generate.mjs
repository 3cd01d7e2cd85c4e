/**
 * Deterministic migration generators, and writers that lay the same SQL out in the
 * format each tool reads. The same seed always gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  "accounts", "users", "orders", "invoices", "payments", "products", "categories", "carts", "shipments", "addresses",
  "reviews", "coupons", "refunds", "suppliers", "warehouses", "stock_moves", "tickets", "comments", "tags", "sessions",
];
const COLUMN_TYPES = [
  ["integer", ""],
  ["text", ""],
  ["boolean", " NOT NULL DEFAULT false"],
  ["jsonb", ""],
  ["timestamptz", ""],
  ["numeric(10,2)", " NOT NULL DEFAULT 0"],
  ["varchar(64)", ""],
];

/**
 * `count` realistic small PostgreSQL changes: CREATE TABLE (6-7 columns, an index, a foreign key
 * to an earlier table one time in two), ALTER TABLE ADD COLUMN, or CREATE INDEX.
 * Returns [{ n, name, sql }] with n = 1..count and `name` a snake_case description.
 */
export function generatePostgresMigrations(count, seed = 20261121) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  /** Tables created so far: { name, columns: [names usable in an index] }. */
  const tables = [];
  const out = [];
  for (let n = 1; n <= count; n++) {
    const r = rand();
    let name;
    let sql;
    if (tables.length < 3 || r < 0.45) {
      const table = `${pick(NOUNS)}_${n}`;
      const parent = tables.length > 0 && rand() < 0.5 ? pick(tables) : undefined;
      const fk = parent ? `${parent.name.replace(/_\d+$/, "")}_id` : undefined;
      const lines = [
        "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        "  name text NOT NULL",
        "  status varchar(32) NOT NULL DEFAULT 'new'",
        "  amount numeric(12,2)",
        "  created_at timestamptz NOT NULL DEFAULT now()",
        "  updated_at timestamptz",
        ...(parent ? [`  ${fk} bigint NOT NULL REFERENCES ${parent.name} (id) ON DELETE CASCADE`] : []),
      ];
      sql =
        `-- ${table}: one more table of the application\n` +
        `CREATE TABLE ${table} (\n${lines.join(",\n")}\n);\n\n` +
        `CREATE INDEX ${table}_created_at_idx ON ${table} (created_at);\n` +
        (parent ? `CREATE INDEX ${table}_${fk}_idx ON ${table} (${fk});\n` : "");
      name = `create_${table}`;
      tables.push({ name: table, columns: ["name", "status", "amount", "created_at", "updated_at", ...(fk ? [fk] : [])] });
    } else if (r < 0.75) {
      const t = pick(tables);
      const [type, extra] = pick(COLUMN_TYPES);
      const column = `extra_${n}`;
      sql = `-- a new attribute of ${t.name}\nALTER TABLE ${t.name} ADD COLUMN ${column} ${type}${extra};\n`;
      if (rand() < 0.3) sql += `COMMENT ON COLUMN ${t.name}.${column} IS 'added by migration ${n}';\n`;
      name = `add_${column}_to_${t.name}`;
      t.columns.push(column);
    } else {
      const t = pick(tables);
      const first = pick(t.columns);
      const second = pick(t.columns);
      const columns = first === second ? first : `${first}, ${second}`;
      const partial = rand() < 0.25 ? " WHERE status <> 'archived'" : "";
      sql = `CREATE INDEX ix_${n}_${t.name} ON ${t.name} (${columns})${partial};\n`;
      name = `index_${t.name}_${n}`;
    }
    out.push({ n, name, sql });
  }
  return out;
}

/** `count` tiny migrations, for history-size benchmarks: `CREATE TABLE t<n> (id int);`. */
export function generateTinyMigrations(count) {
  return Array.from({ length: count }, (_, i) => ({ n: i + 1, name: `create_t${i + 1}`, sql: `CREATE TABLE t${i + 1} (id int);\n` }));
}

const pad = (n, width = 4) => String(n).padStart(width, "0");

function writeAll(folder, files) {
  mkdirSync(folder, { recursive: true });
  for (const [name, content] of files) writeFileSync(join(folder, name), content);
}

/** shale (and Flyway): `db/migrations/V<n>__<name>.sql`, the SQL as is. */
export function writeShale(root, migrations) {
  writeAll(
    join(root, "db", "migrations"),
    migrations.map((m) => [`V${m.n}__${m.name}.sql`, m.sql]),
  );
}

/** psql: one file, each migration in its own BEGIN/COMMIT; and one plain concatenation for `psql -1`. */
export function writePsql(root, migrations) {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "all.sql"), migrations.map((m) => `BEGIN;\n${m.sql}COMMIT;\n`).join("\n"));
  writeFileSync(join(root, "all-plain.sql"), migrations.map((m) => m.sql).join("\n"));
}

/** node-pg-migrate: `migrations/<nnnn>_<name>.sql` with its `-- Up Migration` / `-- Down Migration` markers. */
export function writeNodePgMigrate(root, migrations) {
  writeAll(
    join(root, "migrations"),
    migrations.map((m) => [`${pad(m.n)}_${m.name}.sql`, `-- Up Migration\n${m.sql}\n-- Down Migration\n`]),
  );
}

/**
 * knex: `migrations/<nnnn>_<name>.js` (CommonJS) calling `knex.raw`, and a knexfile.
 * `perMigration` gives every migration `config.transaction = true` with `disableTransactions`
 * set in the knexfile: knex then runs one transaction per migration instead of one for all.
 */
export function writeKnex(root, migrations, { perMigration = false } = {}) {
  const header = perMigration ? "exports.config = { transaction: true };\n" : "";
  writeAll(
    join(root, "migrations"),
    migrations.map((m) => [
      `${pad(m.n)}_${m.name}.js`,
      `${header}exports.up = (knex) => knex.raw(${JSON.stringify(m.sql)});\nexports.down = () => {};\n`,
    ]),
  );
  writeFileSync(
    join(root, "knexfile.js"),
    `module.exports = {\n  client: "pg",\n  connection: process.env.DATABASE_URL,\n  pool: { min: 1, max: 1 },\n` +
      `  migrations: { directory: "./migrations"${perMigration ? ", disableTransactions: true" : ""} },\n};\n`,
  );
  // The folder must not inherit `"type": "module"` from a parent package.json.
  writeFileSync(join(root, "package.json"), `{ "type": "commonjs" }\n`);
}

/** dbmate: `db/migrations/<nnnn>_<name>.sql` with `-- migrate:up` / `-- migrate:down`. */
export function writeDbmate(root, migrations) {
  writeAll(
    join(root, "db", "migrations"),
    migrations.map((m) => [`${pad(m.n)}_${m.name}.sql`, `-- migrate:up\n${m.sql}\n-- migrate:down\n`]),
  );
}
