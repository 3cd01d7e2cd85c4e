-- Triggers on the tables and views in the schemas $1 (text[]) except tables named in $2
-- (text[]): neither the server's internal ones (foreign keys) nor the copies a partition gets of
-- its parent's.
SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name,
  pg_catalog.pg_get_triggerdef(t.oid) AS definition,
  pn.nspname AS routine_schema, p.proname AS routine_name,
  (SELECT ds.description FROM pg_catalog.pg_description ds
    WHERE ds.objoid = t.oid AND ds.classoid = 'pg_catalog.pg_trigger'::regclass AND ds.objsubid = 0) AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT t.tgisinternal AND t.tgparentid = 0
  AND n.nspname = ANY ($1::text[]) AND NOT (c.relname = ANY ($2::text[]))
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  )
ORDER BY n.nspname, t.tgname, c.relname
