-- Sequences in the schemas $1 (text[]) other than identity sequences (which belong to their
-- column) and those an extension owns, with the column that owns one (SERIAL, OWNED BY).
SELECT n.nspname AS schema, c.relname AS name,
  pg_catalog.format_type(s.seqtypid, NULL) AS type,
  s.seqstart::text AS start, s.seqincrement::text AS increment, s.seqmin::text AS min, s.seqmax::text AS max,
  s.seqcache::text AS cache, s.seqcycle AS cycle,
  owner_ns.nspname AS owner_schema, owner.relname AS owner_table, owner_col.attname AS owner_column,
  ds.description AS comment
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_depend od ON od.classid = 'pg_catalog.pg_class'::regclass AND od.objid = c.oid
  AND od.refclassid = 'pg_catalog.pg_class'::regclass AND od.refobjsubid > 0 AND od.deptype = 'a'
LEFT JOIN pg_catalog.pg_class owner ON owner.oid = od.refobjid
LEFT JOIN pg_catalog.pg_namespace owner_ns ON owner_ns.oid = owner.relnamespace
LEFT JOIN pg_catalog.pg_attribute owner_col ON owner_col.attrelid = od.refobjid AND owner_col.attnum = od.refobjsubid
LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass
  AND ds.objsubid = 0
WHERE n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i')
  )
ORDER BY n.nspname, c.relname
