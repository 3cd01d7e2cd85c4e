SELECT $$a; b$$, $tag$ it's; $$ not the end $tag$, $_1$;$_1$;
SELECT $a$ $A$ ; $a$ AS case_sensitive_tags;
DO $do$
BEGIN
  RAISE NOTICE 'inside; %', $inner$ nested; $inner$;
END
$do$;
CREATE TABLE money$table (price$ int, a$b int);
INSERT INTO money$table VALUES (1, 2);
SELECT price$, a$b FROM money$table WHERE price$ = 1;
PREPARE pick (int) AS SELECT $1 + 1;
EXECUTE pick(41);
DEALLOCATE pick;
SELECT $$$$ AS empty_body, $x$$x$ AS empty_tagged;
