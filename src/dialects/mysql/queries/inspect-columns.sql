-- Columns of the base tables, in table order. COLUMN_DEFAULT is an expression on MariaDB
-- ('abc', current_timestamp()) and a raw value on MySQL 8 (EXTRA says DEFAULT_GENERATED
-- for expressions); the inspector turns both into one form. The base tables are picked with
-- IN (subquery), not a join: MariaDB would scan every database's tables for the joined one.
SELECT c.table_name AS table_name,
       c.column_name AS name,
       c.column_default AS column_default,
       c.is_nullable AS is_nullable,
       c.column_type AS column_type,
       c.character_set_name AS charset,
       c.collation_name AS collation_name,
       c.extra AS extra,
       c.column_comment AS comment,
       c.generation_expression AS generation_expression
FROM information_schema.columns c
WHERE c.table_schema = DATABASE()
  AND c.table_name IN (
    SELECT t.table_name FROM information_schema.tables t
    WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
  )
ORDER BY c.table_name, c.ordinal_position
