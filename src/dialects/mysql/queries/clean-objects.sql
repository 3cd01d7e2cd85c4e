-- Every object `clean` drops in the database ? (given five times), one row per DROP
-- statement, in the order they run. Triggers and indexes go with their tables; sequences
-- (MariaDB) after the tables whose defaults call them.
SELECT o.kind, o.name FROM (
  SELECT 1 AS phase, 'VIEW' AS kind, t.table_name AS name
  FROM information_schema.tables t WHERE t.table_schema = ? AND t.table_type = 'VIEW'
  UNION ALL
  SELECT 2, 'TABLE', t.table_name
  FROM information_schema.tables t WHERE t.table_schema = ? AND t.table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')
  UNION ALL
  SELECT 3, 'SEQUENCE', t.table_name
  FROM information_schema.tables t WHERE t.table_schema = ? AND t.table_type = 'SEQUENCE'
  UNION ALL
  SELECT CASE r.routine_type WHEN 'PROCEDURE' THEN 4 ELSE 5 END, r.routine_type, r.routine_name
  FROM information_schema.routines r WHERE r.routine_schema = ? AND r.routine_type IN ('PROCEDURE', 'FUNCTION')
  UNION ALL
  SELECT 6, 'EVENT', e.event_name
  FROM information_schema.events e WHERE e.event_schema = ?
) o
ORDER BY o.phase, o.name
