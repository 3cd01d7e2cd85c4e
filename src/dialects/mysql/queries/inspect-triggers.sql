-- Triggers, with what the CREATE TRIGGER statement is rebuilt from.
SELECT t.trigger_name AS name,
       t.event_object_table AS table_name,
       t.action_timing AS timing,
       t.event_manipulation AS event,
       t.action_statement AS body
FROM information_schema.triggers t
WHERE t.trigger_schema = DATABASE()
ORDER BY t.trigger_name
