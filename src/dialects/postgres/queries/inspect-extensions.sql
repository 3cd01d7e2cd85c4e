-- Extensions installed into the schemas $1 (text[]); plpgsql lives in pg_catalog and is left out.
SELECT x.extname AS name, n.nspname AS schema, x.extversion AS version
FROM pg_catalog.pg_extension x
JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
WHERE n.nspname = ANY ($1::text[])
ORDER BY x.extname
