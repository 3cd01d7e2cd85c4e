CREATE TABLE log (msg VARCHAR(100));

-- Stored program written without DELIMITER: the body's semicolons stay inside.
CREATE PROCEDURE walk(IN steps INT)
BEGIN
  DECLARE i INT DEFAULT 0;
  DECLARE msg VARCHAR(100);
  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION
  BEGIN
    INSERT INTO log VALUES ('failed; handled');
  END;
  outer_loop: LOOP
    SET i = i + 1;
    IF i > steps THEN
      LEAVE outer_loop;
    ELSEIF i = 2 THEN
      ITERATE outer_loop;
    ELSE
      SET msg = IF(i > 1, REPEAT('x', i), 'first');
    END IF;
    CASE i
      WHEN 1 THEN INSERT INTO log VALUES (CASE WHEN i = 1 THEN 'one' END);
      ELSE BEGIN END;
    END CASE;
  END LOOP outer_loop;
  WHILE i > 0 DO
    SET i = i - 1;
  END WHILE;
  REPEAT
    SET i = i + 1;
  UNTIL i >= 2 END REPEAT;
  blk: BEGIN
    INSERT INTO log VALUES (msg);
  END blk;
END;

CALL walk(3);
SELECT COUNT(*) FROM log;
