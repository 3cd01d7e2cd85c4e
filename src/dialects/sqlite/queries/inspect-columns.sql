-- The columns of every ordinary table, hidden (generated) ones included, in table order.
SELECT m.name AS tbl, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
FROM main.sqlite_schema AS m
JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = m.name AND l.type = 'table'
JOIN pragma_table_xinfo(m.name, 'main') AS c
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
ORDER BY m.name, c.cid
