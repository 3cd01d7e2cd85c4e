-- Views and materialized views in the schemas $1 (text[]), leaving out those an extension owns,
-- with their columns and the relations their rewrite rule reads.
SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
  pg_catalog.pg_get_viewdef(c.oid, true) AS definition,
  array_to_string(c.reloptions, ', ') AS options,
  ARRAY(
    SELECT a.attname::text FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
  ) AS columns,
  COALESCE((
    SELECT json_agg(DISTINCT jsonb_build_object('schema', dn.nspname, 'name', dc.relname))
    FROM pg_catalog.pg_rewrite rw
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = rw.oid
      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid <> c.oid
    JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid
    JOIN pg_catalog.pg_namespace dn ON dn.oid = dc.relnamespace
    WHERE rw.ev_class = c.oid
  ), '[]') AS depends_on,
  ds.description AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass
  AND ds.objsubid = 0
WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  )
ORDER BY n.nspname, c.relname
