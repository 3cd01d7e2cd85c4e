CREATE TABLE item (id INTEGER PRIMARY KEY, qty INTEGER, updated TEXT);
CREATE TABLE audit (item_id INTEGER, what TEXT);

CREATE TRIGGER item_au AFTER UPDATE ON item
BEGIN
  INSERT INTO audit VALUES (new.id, 'updated; qty');
  UPDATE item SET updated = 'yes' WHERE id = new.id;
END;

INSERT INTO item (id, qty) VALUES (1, 5);
UPDATE item SET qty = 6 WHERE id = 1;
