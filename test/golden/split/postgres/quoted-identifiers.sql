CREATE TABLE "odd;table" ("col;one" int, "say ""hi"";" text, "--not a comment" int, "/*nor this*/" int);
INSERT INTO "odd;table" ("col;one", "say ""hi"";") VALUES (1, 'x');
SELECT U&"d\0061t;" FROM (SELECT 1 AS "dat;") AS s;
DROP TABLE "odd;table";
