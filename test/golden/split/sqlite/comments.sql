-- Header comment; with a semicolon
/* A block comment; with a semicolon */
CREATE TABLE c (
  a INTEGER, -- column note; here
  b TEXT /* inline; */
); -- same-line note for CREATE TABLE c
/* /* block comments do not nest in SQLite */
SELECT 1 -- before the terminator;
;
SELECT 2/*tight*/;
-- trailing comment only; not a statement
