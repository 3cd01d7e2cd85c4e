CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, state TEXT);

-- CASE ... END inside the body must not end the trigger.
CREATE TRIGGER item_state AFTER UPDATE OF qty ON item
WHEN new.qty IS NOT NULL
BEGIN
  UPDATE item SET state = CASE WHEN new.qty = 0 THEN 'empty' ELSE 'stocked' END WHERE id = new.id;
  SELECT CASE new.qty WHEN 1 THEN 'one' END;
END;
INSERT INTO item VALUES (1, 1, NULL);
UPDATE item SET qty = 0;
