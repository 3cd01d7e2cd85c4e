# A hash comment; with a semicolon
-- A dash comment; needs a blank after the dashes
/* A block comment; with a semicolon */
CREATE TABLE c (a INT); -- same-line note for CREATE TABLE c
SELECT 1--1;
SELECT 2 -- comment; here
;
SELECT 3 # hash comment; here
;
SELECT 4 /* block; */ + 1;
SELECT 5 --	tab after the dashes starts a comment too;
;
SELECT /*+ MAX_EXECUTION_TIME(1000) */ 6;
/* /* not nested in MySQL */
SELECT 7;
# trailing comment only
