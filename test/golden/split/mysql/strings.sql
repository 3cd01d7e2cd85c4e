CREATE TABLE note (body TEXT);
INSERT INTO note VALUES ('it\'s; escaped'), ('it''s; doubled');
INSERT INTO note VALUES ("double \"quoted\"; string"), ("doubled "" quote;");
INSERT INTO note VALUES ('ends with a backslash \\');
INSERT INTO note VALUES ('-- not a comment; # nor this /* nor this */');
INSERT INTO note VALUES (_utf8mb4'charset; introducer'), (X'3B'), (N'national;');
SELECT '\\';
SELECT "\\";
