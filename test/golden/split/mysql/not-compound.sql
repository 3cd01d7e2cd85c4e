-- Statements that mention compound keywords but have no body.
CREATE TABLE event (id INT, `begin` INT, `end` INT, trigger_name VARCHAR(10));
CREATE OR REPLACE VIEW if_view AS SELECT IF(id > 0, 'a;', 'b') AS x, CASE WHEN id THEN 1 END AS y FROM event;
CREATE TABLE IF NOT EXISTS procedure_log (repeat_count INT);
SELECT REPEAT('ab', 2), `begin`, `end` FROM event;
