-- What each foreign key does on delete and update.
SELECT r.table_name AS table_name,
       r.constraint_name AS name,
       r.update_rule AS update_rule,
       r.delete_rule AS delete_rule
FROM information_schema.referential_constraints r
WHERE r.constraint_schema = DATABASE()
