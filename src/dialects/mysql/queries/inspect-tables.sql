-- Base tables of the connected database (views, MariaDB sequences and system-versioned
-- tables are left out). The character set is derived from the collation in code.
SELECT t.table_name AS name,
       t.engine AS engine,
       t.table_collation AS collation_name,
       t.create_options AS create_options,
       t.table_comment AS comment
FROM information_schema.tables t
WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
ORDER BY t.table_name
