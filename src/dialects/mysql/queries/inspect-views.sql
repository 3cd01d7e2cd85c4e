-- Views. SELECT * on purpose: MariaDB has an ALGORITHM column, MySQL 8 does not.
SELECT *
FROM information_schema.views
WHERE table_schema = DATABASE()
ORDER BY table_name
