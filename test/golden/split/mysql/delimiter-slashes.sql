CREATE TABLE counter (n INT);

DELIMITER //
CREATE PROCEDURE bump(IN k INT)
BEGIN
  -- a comment; inside the body
  UPDATE counter SET n = n + k;
  IF k > 1 THEN
    INSERT INTO counter VALUES (k);
  END IF;
END //

CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
BEGIN
  RETURN x * 2;
END//
DELIMITER ;

INSERT INTO counter VALUES (0);
CALL bump(twice(1));
