SELECT 10/2, 2*3, 7%3, 1-1, '{"a": 1}'::jsonb->>'a', ARRAY[1,2] @> ARRAY[1];
SELECT 1 --comment right after a number; still a comment
  + 1;
SELECT 4 /*inline*/ / 2;
SELECT (1 + (2 * 3)), (ARRAY[[1,2]])[1][2];
SELECT 'x' AS "*/";
