/**
 * Identifiers on PostgreSQL: names with double quotes, spaces, reserved words, mixed case,
 * non-ASCII letters and the maximum length (63 bytes) survive inspect → diff → render → apply,
 * and a name written to inject SQL stays a name.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { explicitRenames } from "../../../src/diff/rename-strategy.js";
import { describeEachDialect } from "../../support/databases.js";
import { converge, inspect, script, useDatabasePair } from "./schema-helpers.js";

/** Quotes a name for the fixtures, independently of the code under test. */
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const s = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const LONGEST = "l".repeat(63);
// 31 two-byte letters and one one-byte letter: 63 bytes, 32 characters.
const LONGEST_WIDE = `${"é".repeat(31)}x`;
const INJECT = `x"; DROP TABLE sentinel; --`;

const NAMES = {
  schema: `My "Schema"`,
  table: "select",
  column: "with space",
  mixed: "MixedCase",
  accented: "ñandú_été",
  type: `Mood"s`,
  view: `view "of" things`,
  index: `idx ${INJECT}`,
  check: `chk'quote`,
} as const;

const SENTINEL = "CREATE TABLE public.sentinel (id int);";

function schemaSql(extraColumn: boolean): string {
  const n = NAMES;
  const t = `${q(n.schema)}.${q(n.table)}`;
  return `${SENTINEL}
    CREATE SCHEMA ${q(n.schema)};
    COMMENT ON SCHEMA ${q(n.schema)} IS ${s(`it's a "schema" \\ with a backslash`)};
    CREATE TYPE ${q(n.schema)}.${q(n.type)} AS ENUM (${s("it's")}, ${s('"quoted"')}, ${s("ünï")});
    CREATE TABLE ${t} (
      ${q(n.column)} integer PRIMARY KEY,
      ${q(n.mixed)} text NOT NULL DEFAULT ${s("a 'b' \"c\"")},
      ${q(n.accented)} ${q(n.schema)}.${q(n.type)},
      ${q(LONGEST)} integer,
      ${q(LONGEST_WIDE)} integer,
      ${q(INJECT)} text${extraColumn ? `,\n      ${q(`${INJECT} 2`)} integer` : ""},
      CONSTRAINT ${q(n.check)} CHECK (${q(LONGEST)} > 0),
      CONSTRAINT ${q(`uq ${INJECT}`)} UNIQUE (${q(n.mixed)}, ${q(INJECT)})
    );
    COMMENT ON COLUMN ${t}.${q(INJECT)} IS ${s(INJECT)};
    CREATE TABLE ${q(n.schema)}.${q(LONGEST_WIDE)} (
      ${q("ref")} integer CONSTRAINT ${q(`fk ${INJECT}`)} REFERENCES ${t} (${q(n.column)}) ON DELETE CASCADE
    );
    CREATE INDEX ${q(n.index)} ON ${t} (lower(${q(n.mixed)}), ${q(LONGEST_WIDE)} DESC) WHERE ${q(INJECT)} <> ${s("'; DROP TABLE sentinel; --")};
    CREATE VIEW ${q(n.schema)}.${q(n.view)} AS SELECT ${q(n.column)} AS ${q(`out ${INJECT}`)} FROM ${t};
    CREATE SEQUENCE ${q(n.schema)}.${q(LONGEST)};
    CREATE FUNCTION ${q(n.schema)}.${q(`fn ${INJECT}`)}(${q("a b")} integer) RETURNS integer LANGUAGE sql AS ${s(`SELECT 1 /* ${INJECT} */`)};
  `;
}

describeEachDialect("PostgreSQL identifiers", (dialect) => {
  if (dialect !== "postgres") return;
  const dbs = useDatabasePair();

  it("inspects every name exactly as written", async () => {
    const [a] = dbs();
    await converge(dbs(), SENTINEL, schemaSql(false), { back: false });
    const ir = await inspect(a);
    const table = ir.tables.find((t) => t.name === NAMES.table);
    assert.ok(table);
    assert.equal(table.schema, NAMES.schema);
    assert.deepEqual(
      table.columns.map((c) => c.name),
      [NAMES.column, NAMES.mixed, NAMES.accented, LONGEST, LONGEST_WIDE, INJECT],
    );
    assert.equal(Buffer.byteLength(LONGEST_WIDE), 63);
    assert.deepEqual(ir.enums[0]!.values, ["it's", '"quoted"', "ünï"]);
    assert.deepEqual(table.checks.map((c) => c.name), [NAMES.check]);
    assert.deepEqual(table.indexes.map((i) => i.name), [NAMES.index]);
    assert.equal(ir.namespaces.find((n) => n.name === NAMES.schema)?.comment, `it's a "schema" \\ with a backslash`);
  });

  it("creates and drops everything with such names, without injecting anything", async () => {
    const { forward, backward } = await converge(dbs(), SENTINEL, schemaSql(false));
    const [a, b] = dbs();
    for (const conn of [a, b]) {
      const rows = await conn.query<{ n: string }>("SELECT count(*)::text AS n FROM public.sentinel");
      assert.deepEqual(rows, [{ n: "0" }], "the sentinel table is still there");
    }
    assert.equal(forward.statements.length, 10, script(forward.statements));
    assert.ok(backward!.statements.some((st) => st.sql.startsWith("DROP SCHEMA")));
  });

  it("alters and renames objects with such names", async () => {
    const table = { schema: NAMES.schema, name: NAMES.table };
    const renamed = { schema: NAMES.schema, name: `${NAMES.table} renamed` };
    const to = schemaSql(true)
      .replace(`CREATE TABLE ${q(NAMES.schema)}.${q(NAMES.table)} (`, `CREATE TABLE ${q(NAMES.schema)}.${q(renamed.name)} (`)
      .replaceAll(`REFERENCES ${q(NAMES.schema)}.${q(NAMES.table)} `, `REFERENCES ${q(NAMES.schema)}.${q(renamed.name)} `)
      .replaceAll(`ON ${q(NAMES.schema)}.${q(NAMES.table)} `, `ON ${q(NAMES.schema)}.${q(renamed.name)} `)
      .replaceAll(`FROM ${q(NAMES.schema)}.${q(NAMES.table)};`, `FROM ${q(NAMES.schema)}.${q(renamed.name)};`)
      .replace(`COMMENT ON COLUMN ${q(NAMES.schema)}.${q(NAMES.table)}.`, `COMMENT ON COLUMN ${q(NAMES.schema)}.${q(renamed.name)}.`)
      .replace(`${q(NAMES.mixed)} text NOT NULL`, `${q(`${NAMES.mixed} Renamed`)} text NOT NULL`)
      .replaceAll(`lower(${q(NAMES.mixed)})`, `lower(${q(`${NAMES.mixed} Renamed`)})`)
      .replace(`UNIQUE (${q(NAMES.mixed)},`, `UNIQUE (${q(`${NAMES.mixed} Renamed`)},`)
      .replace(`${s("ünï")})`, `${s("ünï")}, ${s("new 'one'")})`);
    const { forward } = await converge(dbs(), schemaSql(false), to, {
      forward: {
        renames: explicitRenames({
          tables: [{ from: table, to: renamed }],
          columns: [{ table: renamed, from: NAMES.mixed, to: `${NAMES.mixed} Renamed` }],
        }),
      },
      backward: {
        renames: explicitRenames({
          tables: [{ from: renamed, to: table }],
          columns: [{ table, from: `${NAMES.mixed} Renamed`, to: NAMES.mixed }],
        }),
      },
    });
    assert.ok(forward.statements.some((st) => st.sql.includes("RENAME TO")), script(forward.statements));
    assert.ok(!forward.statements.some((st) => st.sql.startsWith("DROP TABLE")), script(forward.statements));
  });
});
