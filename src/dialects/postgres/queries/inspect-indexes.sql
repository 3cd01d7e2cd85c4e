-- Indexes of the tables and materialized views in the schemas $1 (text[]) except those named in
-- $2 (text[]), other than the implicit indexes of constraints and the copies a partition gets
-- of its parent's indexes. Each part brings its column or expression, its sort options, and its
-- collation and operator class only when they are not the defaults for its type. Whether an
-- expression's collation was written out can only be read from the index's definition, which
-- is fetched for those rare parts alone (pg_get_indexdef is the costly call here). Unsorted:
-- the normalizer sorts every list.
WITH idx AS (
  SELECT i.*, n.nspname, c.relname AS table_name, c.relkind, ic.relname AS index_name, ic.relam,
    ic.reloptions AS index_options
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition
    AND n.nspname = ANY ($1::text[]) AND NOT (c.relname = ANY ($2::text[]))
    -- NOT IN, not NOT EXISTS: the planner hashes the subquery's rows once instead of probing
    -- the catalog per index (neither column is ever null).
    AND i.indexrelid NOT IN (
      SELECT k.conindid FROM pg_catalog.pg_constraint k WHERE k.contype IN ('p', 'u', 'x')
    )
    AND c.oid NOT IN (
      SELECT d.objid FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'e'
    )
),
part AS (
  SELECT i.indexrelid, k.n, ta.attname AS column_name,
    CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n::int, true) END AS expression,
    i.indoption[k.n - 1] AS option,
    CASE WHEN i.indcollation[k.n - 1] <> 0 AND i.indcollation[k.n - 1] <> COALESCE(ta.attcollation, kt.typcollation) THEN
      CASE WHEN con.nspname = 'pg_catalog' THEN co.collname::text ELSE con.nspname || '.' || co.collname END
    END AS collation,
    CASE WHEN k.attnum = 0 AND i.indcollation[k.n - 1] <> 0 AND i.indcollation[k.n - 1] <> kt.typcollation THEN
      pg_catalog.pg_get_indexdef(i.indexrelid, 0, true)
    END AS definition,
    CASE WHEN NOT opc.opcdefault OR dflt.oid <> opc.oid THEN
      CASE WHEN opn.nspname = 'pg_catalog' THEN opc.opcname::text ELSE opn.nspname || '.' || opc.opcname END
    END AS opclass
  FROM idx i
  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
  -- The table's column for a column part, the index's own attribute (its type) for an expression.
  CROSS JOIN LATERAL (
    SELECT a.attname, a.attcollation, a.atttypid FROM pg_catalog.pg_attribute a
    WHERE k.attnum <> 0 AND a.attrelid = i.indrelid AND a.attnum = k.attnum
    UNION ALL
    SELECT NULL, NULL, a.atttypid FROM pg_catalog.pg_attribute a
    WHERE k.attnum = 0 AND a.attrelid = i.indexrelid AND a.attnum = k.n
  ) ta
  JOIN pg_catalog.pg_type kt ON kt.oid = ta.atttypid
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = i.indcollation[k.n - 1]
  LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
  LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
  LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = opc.opcnamespace
  -- The default operator class of the method for the key's type (a domain's: its base type's);
  -- there is at most one. A join, not an EXISTS per part, which scanned pg_opclass each time.
  LEFT JOIN pg_catalog.pg_opclass dflt ON dflt.opcmethod = opc.opcmethod AND dflt.opcdefault
    AND dflt.opcintype = COALESCE(NULLIF(kt.typbasetype, 0), kt.oid)
),
parts AS (
  SELECT p.indexrelid, json_agg(json_build_object(
    'column', p.column_name, 'expression', p.expression, 'option', p.option,
    'collation', p.collation, 'definition', p.definition, 'opclass', p.opclass
  ) ORDER BY p.n) AS parts
  FROM part p GROUP BY p.indexrelid
)
SELECT i.nspname AS schema, i.table_name AS table, i.relkind = 'm' AS on_view, i.index_name AS name,
  i.indisunique AS unique, am.amname AS method,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS "where",
  array_to_string(i.index_options, ', ') AS options,
  -- indnullsnotdistinct exists from PostgreSQL 15 on: inspect.ts reads `false` instead before.
  i.indnullsnotdistinct AS nulls_not_distinct,
  i.indnkeyatts AS key_count, p.parts,
  ds.description AS comment
FROM idx i
JOIN parts p ON p.indexrelid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = i.relam
LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_catalog.pg_class'::regclass
  AND ds.objsubid = 0
