-- Every index of every ordinary table with its key parts, the implicit ones of PRIMARY KEY
-- and UNIQUE constraints included (origin 'pk' and 'u'); sql is NULL for those.
SELECT m.name AS tbl, il.name AS idx, il."unique", il.origin, ix.seqno, ix.cid, ix.name AS col, ix."desc", s.sql
FROM main.sqlite_schema AS m
JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = m.name AND l.type = 'table'
JOIN pragma_index_list(m.name, 'main') AS il
JOIN pragma_index_xinfo(il.name, 'main') AS ix
LEFT JOIN main.sqlite_schema AS s ON s.type = 'index' AND s.name = il.name
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND ix.key = 1
ORDER BY m.name, il.name, ix.seqno
