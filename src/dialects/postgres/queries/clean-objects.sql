-- Every object `clean` drops in the schemas $1 (text[]), one row per DROP statement, in the
-- order they run: dependants (views) first, then tables, then what tables use. Left out are
-- objects that belong to an extension (DROP EXTENSION removes them) and the server's own parts
-- of other objects (array and multirange types, range constructors, row types, identity
-- sequences), which go with their owner.
WITH target AS (
  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY ($1::text[])
),
attached AS (
  -- Whole objects only: a partitioned table's key columns depend internally on the table.
  SELECT d.classid, d.objid FROM pg_catalog.pg_depend d WHERE d.deptype IN ('e', 'i') AND d.objsubid = 0
),
relation AS (
  SELECT c.oid, c.relname, c.relkind, c.relispartition, t.nspname
  FROM pg_catalog.pg_class c JOIN target t ON t.oid = c.relnamespace
  WHERE NOT EXISTS (
    SELECT 1 FROM attached m WHERE m.classid = 'pg_catalog.pg_class'::regclass AND m.objid = c.oid
  )
),
proc AS (
  SELECT p.oid, p.proname, p.prokind, t.nspname
  FROM pg_catalog.pg_proc p JOIN target t ON t.oid = p.pronamespace
  WHERE NOT EXISTS (
    SELECT 1 FROM attached m WHERE m.classid = 'pg_catalog.pg_proc'::regclass AND m.objid = p.oid
  )
),
typ AS (
  SELECT ty.oid, ty.typname, ty.typtype, t.nspname
  FROM pg_catalog.pg_type ty JOIN target t ON t.oid = ty.typnamespace
  WHERE NOT EXISTS (
    SELECT 1 FROM attached m WHERE m.classid = 'pg_catalog.pg_type'::regclass AND m.objid = ty.oid
  )
)
SELECT o.kind, o.schema, o.name, o.args FROM (
  SELECT 1 AS phase, 0 AS sub, 'MATERIALIZED VIEW' AS kind, r.nspname AS schema, r.relname AS name, NULL::text AS args
  FROM relation r WHERE r.relkind = 'm'
  UNION ALL
  SELECT 2, 0, 'VIEW', r.nspname, r.relname, NULL FROM relation r WHERE r.relkind = 'v'
  UNION ALL
  SELECT 3, 0, 'FOREIGN TABLE', r.nspname, r.relname, NULL FROM relation r WHERE r.relkind = 'f'
  UNION ALL
  -- Partitions after their parents, which usually take them along.
  SELECT 4, r.relispartition::int, 'TABLE', r.nspname, r.relname, NULL FROM relation r WHERE r.relkind IN ('r', 'p')
  UNION ALL
  -- Sequences owned by a column (serial, identity) go with their table.
  SELECT 5, 0, 'SEQUENCE', r.nspname, r.relname, NULL FROM relation r
  WHERE r.relkind = 'S' AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class owner ON owner.oid = d.refobjid
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = r.oid
      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')
      AND owner.relnamespace IN (SELECT oid FROM target)
  )
  UNION ALL
  -- Aggregates before the functions they are built on.
  SELECT 6, 0, 'AGGREGATE', p.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)
  FROM proc p WHERE p.prokind = 'a'
  UNION ALL
  SELECT 7, 0, CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, p.nspname, p.proname,
    pg_catalog.pg_get_function_identity_arguments(p.oid)
  FROM proc p WHERE p.prokind IN ('f', 'p', 'w')
  UNION ALL
  -- Domains before the types they may be based on.
  SELECT 8, 0, 'DOMAIN', ty.nspname, ty.typname, NULL FROM typ ty WHERE ty.typtype = 'd'
  UNION ALL
  -- Enums, ranges, composites and base types; a table's row type is attached to the table.
  SELECT 9, 0, 'TYPE', ty.nspname, ty.typname, NULL FROM typ ty WHERE ty.typtype IN ('b', 'c', 'e', 'r')
  UNION ALL
  SELECT 10, 0, 'COLLATION', t.nspname, co.collname, NULL
  FROM pg_catalog.pg_collation co JOIN target t ON t.oid = co.collnamespace
  WHERE NOT EXISTS (
    SELECT 1 FROM attached m WHERE m.classid = 'pg_catalog.pg_collation'::regclass AND m.objid = co.oid
  )
  UNION ALL
  SELECT 11, 0, 'EXTENSION', t.nspname, x.extname, NULL
  FROM pg_catalog.pg_extension x JOIN target t ON t.oid = x.extnamespace
) o
ORDER BY o.phase, o.sub, o.schema, o.name, o.args
