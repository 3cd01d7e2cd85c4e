/**
 * Alterations on PostgreSQL, one pair of schemas per kind of change: load both into fresh
 * databases, diff the first to the second, apply, inspect again and require no difference;
 * then the same backwards. Some cases also check the statements they must produce.
 */
import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachDialect } from "../../support/databases.js";
import { converge, script, useDatabasePair } from "./schema-helpers.js";

interface Case {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** Patterns the forward statements must contain (in any statement). */
  readonly forward?: readonly RegExp[];
  /** Whether to also go back from `to` to `from` (default: yes). */
  readonly back?: boolean;
}

const T = "CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL, n integer);";

const TF = "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;";

/** An INSTEAD OF INSERT trigger on a view. */
function insteadOf(view: string): string {
  return `CREATE TRIGGER ${view}_ins INSTEAD OF INSERT ON ${view} FOR EACH ROW EXECUTE FUNCTION tf();`;
}

/** A function returning `type` with every kind of user: views, a materialized view, a default, triggers. */
function functionUsers(type: string): string {
  return (
    `CREATE FUNCTION f(x int) RETURNS ${type} LANGUAGE sql AS 'SELECT x * 2'; ALTER TABLE t ALTER COLUMN n SET DEFAULT f(1);` +
    "CREATE VIEW fv AS SELECT id, f(id) AS y FROM t; CREATE VIEW fw AS SELECT id, y FROM fv; CREATE MATERIALIZED VIEW fm AS SELECT f(id) AS y FROM t;" +
    `CREATE UNIQUE INDEX fm_y ON fm (y); ${insteadOf("fw")} CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW WHEN (f(NEW.id) > 0) EXECUTE FUNCTION tf();`
  );
}

const CASES: readonly Case[] = [
  // Schemas and extensions.
  { name: "create and drop a schema", from: "", to: "CREATE SCHEMA s; CREATE TABLE s.t (id int);", forward: [/^CREATE SCHEMA IF NOT EXISTS "s"$/] },
  { name: "comment on a schema", from: "CREATE SCHEMA s;", to: "CREATE SCHEMA s; COMMENT ON SCHEMA s IS 'x';", forward: [/^COMMENT ON SCHEMA "s" IS 'x'$/] },
  { name: "create and drop an extension", from: "", to: "CREATE EXTENSION hstore; CREATE TABLE t (h public.hstore);", forward: [/^CREATE EXTENSION IF NOT EXISTS "hstore" WITH SCHEMA "public"/] },
  { name: "move an extension to another schema", from: "CREATE SCHEMA x; CREATE EXTENSION hstore SCHEMA public;", to: "CREATE SCHEMA x; CREATE EXTENSION hstore SCHEMA x;", forward: [/ALTER EXTENSION "hstore" SET SCHEMA "x"/] },
  // Enums.
  { name: "create and drop an enum used by a column", from: "", to: "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (v e DEFAULT 'a');" },
  {
    name: "add enum values at the start, middle and end",
    from: "CREATE TYPE e AS ENUM ('b', 'd');",
    to: "CREATE TYPE e AS ENUM ('a', 'b', 'c', 'd', 'e');",
    forward: [/ADD VALUE 'a' BEFORE 'b'/, /ADD VALUE 'c' AFTER 'b'/, /ADD VALUE 'e' AFTER 'd'/],
  },
  {
    name: "add an enum value and use it in the same plan",
    from: "CREATE TYPE e AS ENUM ('a'); CREATE TABLE t (v e);",
    to: "CREATE TYPE e AS ENUM ('a', 'b'); CREATE TABLE t (v e DEFAULT 'b');",
  },
  {
    name: "remove and reorder enum values (rebuild) with columns, arrays and defaults",
    from: "CREATE TYPE e AS ENUM ('a', 'b', 'c'); CREATE TABLE t (v e DEFAULT 'b', vs e[], w e NOT NULL); INSERT INTO t VALUES ('a', '{a,b}', 'c');",
    to: "CREATE TYPE e AS ENUM ('c', 'b', 'a'); CREATE TABLE t (v e DEFAULT 'b', vs e[], w e NOT NULL);",
    forward: [/RENAME TO "e__shale_old"/, /TYPE "public"\."e"\[\] USING "vs"::text\[\]::"public"\."e"\[\]/, /DROP TYPE "public"\."e__shale_old"/],
  },
  { name: "comment on an enum", from: "CREATE TYPE e AS ENUM ('a');", to: "CREATE TYPE e AS ENUM ('a'); COMMENT ON TYPE e IS 'letters';" },
  // Domains.
  { name: "create and drop a domain", from: "", to: "CREATE DOMAIN d AS numeric(6,2) DEFAULT 0 NOT NULL CHECK (VALUE >= 0); CREATE TABLE t (v d);" },
  {
    name: "alter a domain's default, nullability, checks and comment",
    from: "CREATE DOMAIN d AS integer CONSTRAINT pos CHECK (VALUE > 0);",
    to: "CREATE DOMAIN d AS integer DEFAULT 5 NOT NULL CONSTRAINT pos CHECK (VALUE > 1) CONSTRAINT small CHECK (VALUE < 100); COMMENT ON DOMAIN d IS 'x';",
  },
  { name: "add a NOT VALID domain check", from: "CREATE DOMAIN d AS integer;", to: "CREATE DOMAIN d AS integer; ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE > 0) NOT VALID;" },
  // Sequences.
  { name: "create and drop a sequence", from: "", to: "CREATE SEQUENCE s AS smallint INCREMENT 2 MINVALUE 5 MAXVALUE 500 START 7 CACHE 3 CYCLE;" },
  {
    name: "alter a sequence's settings and comment",
    from: "CREATE SEQUENCE s;",
    to: "CREATE SEQUENCE s AS integer INCREMENT -1 MINVALUE -100 MAXVALUE -1 START -1 NO CYCLE; COMMENT ON SEQUENCE s IS 'down';",
  },
  {
    name: "give a sequence an owner",
    from: "CREATE SEQUENCE s; CREATE TABLE t (id bigint DEFAULT nextval('s'));",
    to: "CREATE SEQUENCE s; CREATE TABLE t (id bigint DEFAULT nextval('s')); ALTER SEQUENCE s OWNED BY t.id;",
    forward: [/^ALTER SEQUENCE "public"\."s" OWNED BY "public"\."t"\."id"$/],
  },
  { name: "create and drop a serial column's table", from: "", to: "CREATE TABLE t (id serial PRIMARY KEY, big bigserial);" },
  // Tables.
  { name: "create and drop tables in foreign key order", from: "", to: "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY, a int REFERENCES a); CREATE TABLE c (b int REFERENCES b, a int REFERENCES a);" },
  {
    name: "create and drop tables whose foreign keys form a cycle",
    from: "",
    to: "CREATE TABLE a (id int PRIMARY KEY, b int); CREATE TABLE b (id int PRIMARY KEY, a int REFERENCES a); ALTER TABLE a ADD CONSTRAINT a_b FOREIGN KEY (b) REFERENCES b;",
  },
  { name: "comment on a table and a column", from: T, to: `${T} COMMENT ON TABLE t IS 'tee'; COMMENT ON COLUMN t.name IS 'its name';` },
  { name: "make a table unlogged and give it storage parameters", from: T, to: T.replace("CREATE TABLE", "CREATE UNLOGGED TABLE").replace(");", ") WITH (fillfactor = 60, autovacuum_enabled = false);") },
  {
    name: "add and drop an exclusion constraint",
    from: "CREATE TABLE r (id int, during tsrange);",
    to: "CREATE TABLE r (id int, during tsrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));",
  },
  // Columns.
  {
    name: "add and drop columns of every sort",
    from: T,
    to: `CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL, n integer, a bigint GENERATED BY DEFAULT AS IDENTITY (START 10), b text COLLATE "C" DEFAULT 'x', c integer GENERATED ALWAYS AS (n * 2) STORED, d timestamptz NOT NULL DEFAULT now(), e numeric(8,3)[]); COMMENT ON COLUMN t.b IS 'bee';`,
  },
  { name: "change a column's type with a cast", from: "CREATE TABLE t (v text); INSERT INTO t VALUES ('12');", to: "CREATE TABLE t (v integer);", forward: [/TYPE integer USING "v"::integer/] },
  { name: "widen and narrow a varchar and a numeric", from: "CREATE TABLE t (v varchar(10), m numeric(6,2));", to: "CREATE TABLE t (v varchar(40), m numeric(12,4));" },
  { name: "change nullability and defaults", from: "CREATE TABLE t (a int, b text DEFAULT 'x', c date NOT NULL);", to: "CREATE TABLE t (a int NOT NULL DEFAULT 1, b text DEFAULT 'y', c date);" },
  { name: "change a column's collation", from: "CREATE TABLE t (v text);", to: `CREATE TABLE t (v text COLLATE "C");` },
  { name: "add and drop identity on an existing column", from: "CREATE TABLE t (id int NOT NULL);", to: "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY);", forward: [/ADD GENERATED BY DEFAULT AS IDENTITY$/] },
  { name: "make a nullable column an identity", from: "CREATE TABLE t (id int);", to: "CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY);" },
  {
    name: "change an identity's kind and sequence options",
    from: "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY);",
    to: "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (INCREMENT 5 MINVALUE 10 MAXVALUE 1000 CACHE 2 CYCLE));",
  },
  { name: "turn a generated column into a plain one", from: "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) STORED);", to: "CREATE TABLE t (a int, b int);", forward: [/DROP EXPRESSION$/], back: false },
  {
    name: "move a column from one enum type to another",
    from: "CREATE TYPE e1 AS ENUM ('a', 'b'); CREATE TYPE e2 AS ENUM ('a', 'b', 'c'); CREATE TABLE t (v e1, vs e1[]); INSERT INTO t VALUES ('b', '{a}');",
    to: "CREATE TYPE e1 AS ENUM ('a', 'b'); CREATE TYPE e2 AS ENUM ('a', 'b', 'c'); CREATE TABLE t (v e2, vs e2[]);",
    forward: [/USING "v"::text::"public"\."e2"$/, /USING "vs"::text\[\]::"public"\."e2"\[\]$/],
  },
  { name: "change an enum column to text and back", from: "CREATE TYPE e AS ENUM ('a'); CREATE TABLE t (v e);", to: "CREATE TYPE e AS ENUM ('a'); CREATE TABLE t (v text);" },
  // Keys, checks and foreign keys.
  { name: "add and drop a primary key", from: "CREATE TABLE t (id int NOT NULL);", to: "CREATE TABLE t (id int NOT NULL, CONSTRAINT t_pk PRIMARY KEY (id) DEFERRABLE);" },
  {
    name: "add and drop unique constraints",
    from: "CREATE TABLE t (a int, b int);",
    to: "CREATE TABLE t (a int, b int, CONSTRAINT u1 UNIQUE NULLS NOT DISTINCT (a, b), CONSTRAINT u2 UNIQUE (b) DEFERRABLE INITIALLY DEFERRED);",
  },
  {
    name: "add, change and drop foreign keys",
    from: "CREATE TABLE p (id int PRIMARY KEY, k int UNIQUE); CREATE TABLE c (p int, k int, CONSTRAINT f1 FOREIGN KEY (p) REFERENCES p);",
    to: "CREATE TABLE p (id int PRIMARY KEY, k int UNIQUE); CREATE TABLE c (p int, k int, CONSTRAINT f1 FOREIGN KEY (p) REFERENCES p ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED, CONSTRAINT f2 FOREIGN KEY (k) REFERENCES p (k) MATCH FULL); ALTER TABLE c ADD CONSTRAINT f3 FOREIGN KEY (p) REFERENCES p NOT VALID;",
  },
  {
    name: "add, change and drop checks",
    from: "CREATE TABLE t (a int, CONSTRAINT c1 CHECK (a > 0));",
    to: "CREATE TABLE t (a int, CONSTRAINT c1 CHECK (a > 1) NO INHERIT); ALTER TABLE t ADD CONSTRAINT c2 CHECK (a < 10) NOT VALID;",
  },
  // Indexes.
  {
    name: "create and drop indexes with every option",
    from: "CREATE EXTENSION pg_trgm; CREATE TABLE t (a int, b text, c jsonb, d text);",
    to:
      "CREATE EXTENSION pg_trgm; CREATE TABLE t (a int, b text, c jsonb, d text);" +
      "CREATE INDEX i1 ON t (a DESC NULLS LAST, lower(b)) INCLUDE (d) WHERE a > 0;" +
      "CREATE UNIQUE INDEX i2 ON t (a) NULLS NOT DISTINCT WITH (fillfactor = 50);" +
      "CREATE INDEX i3 ON t USING gin (c jsonb_path_ops); CREATE INDEX i4 ON t USING gist (b public.gist_trgm_ops);" +
      `CREATE INDEX i5 ON t (b COLLATE "C" text_pattern_ops); COMMENT ON INDEX i1 IS 'one';`,
  },
  { name: "change an index's definition", from: "CREATE TABLE t (a int, b int); CREATE INDEX i ON t (a);", to: "CREATE TABLE t (a int, b int); CREATE INDEX i ON t (a, b);" },
  { name: "change an index's comment and storage parameters", from: "CREATE TABLE t (a int); CREATE INDEX i ON t (a);", to: "CREATE TABLE t (a int); CREATE INDEX i ON t (a) WITH (fillfactor = 80); COMMENT ON INDEX i IS 'eye';" },
  // Views.
  { name: "create and drop views that read each other", from: T, to: `${T} CREATE VIEW v1 AS SELECT id, name FROM t; CREATE VIEW v2 AS SELECT name FROM v1 WHERE id > 1;` },
  { name: "replace a view keeping its columns", from: `${T} CREATE VIEW v AS SELECT id, name FROM t;`, to: `${T} CREATE VIEW v AS SELECT id, name FROM t WHERE n > 0;`, forward: [/^CREATE OR REPLACE VIEW/] },
  {
    name: "replace a view whose columns change, with a view that reads it",
    from: `${T} CREATE VIEW v AS SELECT id, name FROM t; CREATE VIEW w AS SELECT id FROM v;`,
    to: `${T} CREATE VIEW v AS SELECT id, n FROM t; CREATE VIEW w AS SELECT id FROM v;`,
  },
  {
    // The views that read a view re-created, and views read by both the view and one of its
    // readers (a_x reads v and w), come back in an order that works, with their triggers.
    name: "replace a view whose columns change, keeping its readers and their INSTEAD OF triggers",
    from: `${T} ${TF} CREATE VIEW v AS SELECT id, name FROM t; CREATE VIEW w AS SELECT id, name FROM v; CREATE VIEW a_x AS SELECT v.id FROM v JOIN w USING (id); ${insteadOf("v")} ${insteadOf("w")} ${insteadOf("a_x")}`,
    to: `${T} ${TF} CREATE VIEW v AS SELECT id, n, name FROM t; CREATE VIEW w AS SELECT id, name FROM v; CREATE VIEW a_x AS SELECT v.id FROM v JOIN w USING (id); ${insteadOf("v")} ${insteadOf("w")} ${insteadOf("a_x")}`,
  },
  { name: "comment on a view and give it a check option", from: `${T} CREATE VIEW v AS SELECT id FROM t;`, to: `${T} CREATE VIEW v WITH (check_option = local) AS SELECT id FROM t; COMMENT ON VIEW v IS 'vee';` },
  {
    name: "create, change and drop a materialized view with an index",
    from: `${T} CREATE MATERIALIZED VIEW m AS SELECT n, count(*) AS c FROM t GROUP BY n;`,
    to: `${T} CREATE MATERIALIZED VIEW m AS SELECT n, count(*) AS c, max(id) AS top FROM t GROUP BY n; CREATE UNIQUE INDEX m_n ON m (n); COMMENT ON MATERIALIZED VIEW m IS 'em';`,
  },
  // Routines and triggers.
  {
    name: "create, replace and drop functions and procedures",
    from: "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a'; CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';",
    to: "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1'; COMMENT ON FUNCTION f(int) IS 'eff'; CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a'; CREATE PROCEDURE p(x int) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', x; END $$;",
  },
  {
    name: "change a function's result type and parameter names",
    from: "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a'; CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql AS 'SELECT a';",
    to: "CREATE FUNCTION f(a int) RETURNS text LANGUAGE sql AS 'SELECT a::text'; CREATE FUNCTION g(b int) RETURNS int LANGUAGE sql AS 'SELECT b';",
    forward: [/^DROP FUNCTION "public"\."f"\(a integer\)$/],
  },
  {
    // DROP FUNCTION fails while a trigger's WHEN calls the function: the trigger goes first.
    name: "drop a parameter default of a function a trigger's WHEN clause calls",
    from: `${T} ${TF} CREATE FUNCTION ok(a int, b int DEFAULT 0) RETURNS boolean LANGUAGE sql AS 'SELECT a > b'; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW WHEN (ok(NEW.n, 1)) EXECUTE FUNCTION tf();`,
    to: `${T} ${TF} CREATE FUNCTION ok(a int, b int) RETURNS boolean LANGUAGE sql AS 'SELECT a > b'; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW WHEN (ok(NEW.n, 1)) EXECUTE FUNCTION tf();`,
    forward: [/^DROP TRIGGER "tr" ON "public"\."t"$/, /^DROP FUNCTION "public"\."ok"\(a integer, b integer\)$/],
  },
  {
    name: "change the result type of a function that views, a materialized view, a default and a trigger use",
    from: `${T} ${TF} ${functionUsers("integer")}`,
    to: `${T} ${TF} ${functionUsers("bigint")}`,
    forward: [/^DROP FUNCTION "public"\."f"\(x integer\)$/, /ALTER COLUMN "n" DROP DEFAULT$/],
  },
  {
    // A SQL body reading a table the plan changes waits for it, among the views: its users are
    // then taken off and put back as the target schema has them.
    name: "change the result type of a SQL function that reads a changed table while a view calls it",
    from: "CREATE TABLE t (id int); CREATE FUNCTION cnt() RETURNS integer LANGUAGE sql AS 'SELECT count(*)::integer FROM t'; CREATE VIEW cv AS SELECT cnt() AS c;",
    to: "CREATE TABLE t (id int, m int); CREATE FUNCTION cnt() RETURNS bigint LANGUAGE sql AS 'SELECT count(m) FROM t'; CREATE VIEW cv AS SELECT cnt() AS c;",
  },
  {
    name: "create, change and drop triggers",
    from: `${T} CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$; CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();`,
    to: `${T} CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$; CREATE TRIGGER tr BEFORE INSERT OR UPDATE ON t FOR EACH ROW WHEN (NEW.n IS NOT NULL) EXECUTE FUNCTION tf(); CREATE TRIGGER tr2 AFTER DELETE ON t FOR EACH STATEMENT EXECUTE FUNCTION tf();`,
  },
  // Partitions.
  {
    name: "create and drop partitions",
    from: "CREATE TABLE m (d date NOT NULL, v int) PARTITION BY RANGE (d); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');",
    to: "CREATE TABLE m (d date NOT NULL, v int) PARTITION BY RANGE (d); CREATE INDEX m_v ON m (v); CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01'); CREATE TABLE m2 PARTITION OF m FOR VALUES FROM ('2021-01-01') TO ('2022-01-01'); CREATE TABLE md PARTITION OF m DEFAULT;",
  },
  {
    name: "create partitions whose names sort before their parent's",
    from: "",
    to: "CREATE TABLE zz (k int NOT NULL) PARTITION BY LIST (k); CREATE TABLE aa PARTITION OF zz FOR VALUES IN (1) PARTITION BY LIST (k); CREATE TABLE a0 PARTITION OF aa FOR VALUES IN (1);",
  },
  {
    name: "create a function before the table whose default calls it",
    from: "",
    to: "CREATE FUNCTION zz_next() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$; CREATE TABLE t (v text DEFAULT zz_next());",
  },
  {
    name: "create and drop a domain over another domain",
    from: "",
    to: "CREATE DOMAIN zz AS text; CREATE DOMAIN aa AS zz CHECK (VALUE <> '');",
  },
  { name: "add a column to a partitioned table", from: "CREATE TABLE m (k int NOT NULL) PARTITION BY LIST (k); CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);", to: "CREATE TABLE m (k int NOT NULL, v text DEFAULT 'x') PARTITION BY LIST (k); CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);" },
];

describeEachDialect("PostgreSQL alterations converge", (dialect) => {
  if (dialect !== "postgres") return;
  const dbs = useDatabasePair();
  for (const c of CASES) {
    it(c.name, async () => {
      const { forward } = await converge(dbs(), c.from, c.to, c.back === false ? { back: false } : {});
      for (const pattern of c.forward ?? []) {
        assert.ok(
          forward.statements.some((s) => pattern.test(s.sql)),
          `no statement matches ${pattern}:\n${script(forward.statements)}`,
        );
      }
    });
  }
});
