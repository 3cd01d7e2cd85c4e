SELECT E'it\'s; escaped';
SELECT e'backslash at the end \\';
SELECT E'\\'';' AS doubled_quote_after_escaped_backslash;
SELECT E'tab\there;\nnewline', E'quote '' doubled;';
SELECT 'e' AS e, E'x' AS "E";
SELECT length(type) FROM (VALUES ('a\')) AS v(type);
