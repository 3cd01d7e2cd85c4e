-- Primary keys, unique, foreign key, check and exclusion constraints of the tables in the
-- schemas $1 (text[]) except those named in $2 (text[]). Constraints a partition inherits from
-- its parent are left out: they come with the parent's. Unsorted, so that rows reach the
-- client while the server still works (the normalizer sorts every list).
SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS type,
  ARRAY(
    SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord
  ) AS columns,
  rn.nspname AS ref_schema, r.relname AS ref_table,
  ARRAY(
    SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord
  ) AS ref_columns,
  con.confdeltype AS on_delete, con.confupdtype AS on_update, con.confmatchtype AS match,
  con.condeferrable AS deferrable, con.condeferred AS deferred, NOT con.convalidated AS not_valid,
  con.connoinherit AS no_inherit,
  CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS expression,
  CASE WHEN con.contype IN ('u', 'x') THEN pg_catalog.pg_get_constraintdef(con.oid) END AS definition,
  -- A subquery on pg_description's index, as in inspect-columns.sql.
  (SELECT ds.description FROM pg_catalog.pg_description ds
    WHERE ds.objoid = con.oid AND ds.classoid = 'pg_catalog.pg_constraint'::regclass AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class r ON r.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND con.conislocal AND con.conparentid = 0
  AND c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[]) AND NOT (c.relname = ANY ($2::text[]))
  -- NOT IN, not NOT EXISTS: the planner hashes the few rows once instead of probing the
  -- catalog per row (objid is never null).
  AND c.oid NOT IN (
    SELECT d.objid FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'e'
  )
