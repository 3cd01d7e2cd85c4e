-- Functions and procedures in the schemas $1 (text[]), leaving out aggregates, window functions
-- and those an extension owns, each with its complete CREATE OR REPLACE statement.
SELECT n.nspname AS schema, p.proname AS name, p.prokind = 'p' AS procedure,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS signature,
  pg_catalog.pg_get_functiondef(p.oid) AS definition,
  pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  )
ORDER BY n.nspname, p.proname, 4
