-- Every foreign key of every ordinary table, one row per column pair; "to" is NULL when the
-- key refers to the parent's primary key without naming its columns.
SELECT m.name AS tbl, f.id, f.seq, f."table" AS parent, f."from" AS col, f."to" AS parent_col, f.on_update, f.on_delete
FROM main.sqlite_schema AS m
JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = m.name AND l.type = 'table'
JOIN pragma_foreign_key_list(m.name, 'main') AS f
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, f.id, f.seq
