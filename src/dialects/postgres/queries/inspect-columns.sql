-- Columns of the tables in the schemas $1 (text[]) except those named in $2 (text[]), by their
-- table's oid and their position in it. Unsorted: ordering these wide rows took a fifth of the
-- query's time on the server, so inspect-tables.ts puts each table's few columns in order
-- instead. Partitions are left out: their columns are their parent's. The type comes as
-- format_type text, plus its schema, name and modifier when it is not a built-in one (and its
-- element's, for an array); the collation only when it is not the type's own; identity columns
-- bring their sequence's options. Values that are rarely needed are NULL otherwise: the client
-- decodes every value that is not, and this query returns one row per column of the schema.
SELECT c.oid AS table_oid, a.attname AS name, a.attnum AS position,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type_sql,
  CASE WHEN tn.nspname <> 'pg_catalog' THEN tn.nspname END AS type_schema,
  CASE WHEN tn.nspname <> 'pg_catalog' THEN t.typname END AS type_name,
  CASE WHEN tn.nspname <> 'pg_catalog' THEN a.atttypmod END AS type_mod,
  CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 AND t.typlen = -1 THEN true END AS type_is_array,
  CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 AND t.typlen = -1 THEN pg_catalog.format_type(t.typelem, a.atttypmod) END AS elem_sql,
  en.nspname AS elem_schema, e.typname AS elem_name,
  a.attnotnull AS not_null,
  -- A default cannot name a column, so it is printed without its table (relation 0): naming
  -- the table has the server open each table's relation, the costliest part of this query on
  -- a new connection. A generated column's expression names columns, and needs it.
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) END AS "default",
  CASE WHEN a.attgenerated = 's' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS generated,
  NULLIF(a.attidentity, '') AS identity,
  pg_catalog.format_type(s.seqtypid, NULL) AS seq_type,
  s.seqstart::text AS seq_start, s.seqincrement::text AS seq_increment, s.seqmin::text AS seq_min,
  s.seqmax::text AS seq_max, s.seqcache::text AS seq_cache, s.seqcycle AS seq_cycle,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
    CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END
  END AS collation,
  -- A subquery on pg_description's index: as a join, right after a bulk load (before ANALYZE)
  -- the planner chose a nested loop over the whole catalog for it.
  (SELECT ds.description FROM pg_catalog.pg_description ds
    WHERE ds.objoid = c.oid AND ds.classoid = 'pg_catalog.pg_class'::regclass AND ds.objsubid = a.attnum) AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem
LEFT JOIN pg_catalog.pg_namespace en ON en.oid = e.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_catalog.pg_depend sd ON a.attidentity <> '' AND sd.refclassid = 'pg_catalog.pg_class'::regclass
  AND sd.refobjid = c.oid AND sd.refobjsubid = a.attnum AND sd.classid = 'pg_catalog.pg_class'::regclass
  AND sd.deptype = 'i'
LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = sd.objid
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[]) AND NOT (c.relname = ANY ($2::text[]))
  -- NOT IN, not NOT EXISTS: the planner hashes the few rows once instead of probing the
  -- catalog per row (objid is never null).
  AND c.oid NOT IN (
    SELECT d.objid FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'e'
  )
