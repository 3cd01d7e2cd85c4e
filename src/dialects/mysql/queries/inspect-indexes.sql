-- Every index part, PRIMARY included. SELECT * on purpose: the visibility and expression
-- columns differ by server (MariaDB 10.6+: IGNORED; MySQL 8: IS_VISIBLE and EXPRESSION), and
-- the inspector reads whichever the server has.
SELECT *
FROM information_schema.statistics
WHERE table_schema = DATABASE()
ORDER BY table_name, index_name, seq_in_index
