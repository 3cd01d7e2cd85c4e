-- Tables (plain and partitioned) in the schemas $1 (text[]), except those named in $2 (text[])
-- and those an extension owns, with what partitioning says about each. The oid is what the
-- columns query names each column's table by.
SELECT c.oid AS oid, n.nspname AS schema, c.relname AS name, c.relkind = 'p' AS partitioned,
  c.relpersistence = 'u' AS unlogged,
  array_to_string(c.reloptions, ', ') AS options,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
  pn.nspname AS parent_schema, p.relname AS parent_name,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
  ds.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass
  AND ds.objsubid = 0
WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) AND NOT (c.relname = ANY ($2::text[]))
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  )
ORDER BY n.nspname, c.relname
