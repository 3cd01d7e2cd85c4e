-- Stored functions and procedures (MariaDB's Oracle-mode packages are left out).
SELECT r.routine_name AS name,
       r.routine_type AS routine_type,
       r.dtd_identifier AS returns_type,
       r.routine_definition AS body,
       r.is_deterministic AS is_deterministic,
       r.sql_data_access AS sql_data_access,
       r.security_type AS security_type,
       r.routine_comment AS comment
FROM information_schema.routines r
WHERE r.routine_schema = DATABASE() AND r.routine_type IN ('FUNCTION', 'PROCEDURE')
ORDER BY r.routine_name
