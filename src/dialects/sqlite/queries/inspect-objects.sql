-- Every table, view, index and trigger of the main database with its CREATE text, and for
-- tables the kind (table, virtual, shadow) and flags that pragma_table_list reports.
SELECT s.type, s.name, s.tbl_name AS tbl, s.sql, l.type AS table_type, l.wr, l."strict"
FROM main.sqlite_schema AS s
LEFT JOIN pragma_table_list AS l ON s.type = 'table' AND l.schema = 'main' AND l.name = s.name
WHERE s.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY s.type, s.name
