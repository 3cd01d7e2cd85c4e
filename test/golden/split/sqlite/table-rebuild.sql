-- The twelve-step table rebuild from the SQLite documentation, in short.
PRAGMA foreign_keys = OFF;
CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO parent VALUES (1, 'a;b');
CREATE TABLE new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');
INSERT INTO new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;
DROP TABLE parent;
ALTER TABLE new_parent RENAME TO parent;
PRAGMA foreign_key_check;
PRAGMA foreign_keys = ON;
