-- Foreign key columns in key order; their ON DELETE/UPDATE rules come from
-- inspect-foreign-key-rules.sql (a join of the two would make MariaDB scan every database).
SELECT k.table_name AS table_name,
       k.constraint_name AS name,
       k.column_name AS column_name,
       k.referenced_table_schema AS referenced_schema,
       k.referenced_table_name AS referenced_table,
       k.referenced_column_name AS referenced_column
FROM information_schema.key_column_usage k
WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
ORDER BY k.table_name, k.constraint_name, k.ordinal_position
