-- CHECK constraints on MySQL 8, whose CHECK_CONSTRAINTS has no table name (names are
-- unique per database there), hence the join with TABLE_CONSTRAINTS.
SELECT tc.table_name AS owner_table,
       cc.constraint_name AS constraint_name,
       cc.check_clause AS check_clause
FROM information_schema.table_constraints tc
JOIN information_schema.check_constraints cc
  ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
WHERE tc.table_schema = DATABASE() AND tc.constraint_type = 'CHECK'
ORDER BY tc.table_name, cc.constraint_name
