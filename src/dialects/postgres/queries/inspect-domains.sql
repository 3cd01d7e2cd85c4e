-- Domains in the schemas $1 (text[]), leaving out those an extension owns. The base type comes
-- as format_type text plus its schema and name (and its element's, for an array), the collation
-- only when it is not the base type's own, and the checks as a JSON array in name order.
SELECT n.nspname AS schema, t.typname AS name,
  pg_catalog.format_type(t.typbasetype, t.typtypmod) AS type_sql,
  bn.nspname AS type_schema, b.typname AS type_name, t.typtypmod AS type_mod,
  (b.typcategory = 'A' AND b.typelem <> 0 AND b.typlen = -1) AS type_is_array,
  pg_catalog.format_type(b.typelem, t.typtypmod) AS elem_sql, en.nspname AS elem_schema, e.typname AS elem_name,
  t.typnotnull AS not_null,
  pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS "default",
  CASE WHEN t.typcollation <> 0 AND t.typcollation <> b.typcollation THEN
    CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END
  END AS collation,
  COALESCE((
    SELECT json_agg(json_build_object(
      'name', c.conname, 'expression', pg_catalog.pg_get_expr(c.conbin, 0), 'notValid', NOT c.convalidated
    ) ORDER BY c.conname)
    FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'
  ), '[]') AS checks,
  pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype
JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace
LEFT JOIN pg_catalog.pg_type e ON e.oid = b.typelem
LEFT JOIN pg_catalog.pg_namespace en ON en.oid = e.typnamespace
LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE t.typtype = 'd' AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
  )
ORDER BY n.nspname, t.typname
