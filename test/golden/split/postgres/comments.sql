-- Header comment for the whole file; ends with a semicolon;

/* A block comment; with a semicolon */
-- The users table.
CREATE TABLE users (
  id int PRIMARY KEY, -- the key; really
  name text /* the name; never null */ NOT NULL
); -- this note belongs to CREATE TABLE users, not to what follows

/* outer /* nested; comment */ still a comment; */
INSERT INTO users VALUES (1, 'a'); /* same line, multi
line comment: kept with the next statement */ INSERT INTO users VALUES (2, 'b');
SELECT 1 -- a comment before the terminator;
;
SELECT 2 /* trailing */;
-- a comment at the end of the file; not a statement
