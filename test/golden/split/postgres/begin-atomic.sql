CREATE TABLE tally (n int);

-- SQL-standard bodies (PostgreSQL 14+): the semicolons up to END stay inside.
CREATE FUNCTION bump(k int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO tally VALUES (k);
  SELECT CASE WHEN k > 0 THEN k ELSE -k END;
END;

create or replace procedure fill(k int) language sql
begin atomic
  insert into tally values (k);
  insert into tally select case k when 1 then 10 else 20 end;
end;

CREATE FUNCTION one() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END;
CALL fill(1);
SELECT bump(2), one();
