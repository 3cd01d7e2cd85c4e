CREATE TABLE p (a, b, c);
INSERT INTO p VALUES (1e3, -2.5, 0x1F);
SELECT a FROM p WHERE a > 10 AND b < 0 AND c = 31 AND 'x' || 'y;' = 'xy;';
SELECT 1 - -1, 2--1 is a comment;
, 3;
