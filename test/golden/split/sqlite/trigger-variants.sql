CREATE TABLE t (a INTEGER, "end" INTEGER);
CREATE TEMP TRIGGER IF NOT EXISTS t_temp BEFORE INSERT ON t BEGIN SELECT 1; END;
CREATE TEMPORARY TRIGGER t_temporary AFTER DELETE ON t
BEGIN
  SELECT "end" FROM t;
  SELECT 'END;' ;
END -- comment between END and the semicolon
;
create trigger lower_case after insert on t begin
  update t set "end" = new.a;
end;
EXPLAIN CREATE TRIGGER explained AFTER INSERT ON t BEGIN SELECT 1; END;
INSERT INTO t (a) VALUES (1)
