-- CHECK constraints on MariaDB, whose rows carry the table name and whether the check was
-- declared on a column (LEVEL); names are unique per table only.
SELECT cc.table_name AS owner_table,
       cc.constraint_name AS constraint_name,
       cc.check_clause AS check_clause,
       cc.level AS level
FROM information_schema.check_constraints cc
WHERE cc.constraint_schema = DATABASE()
ORDER BY cc.table_name, cc.constraint_name
