CREATE TABLE tally (n INT);
delimiter $$
CREATE TRIGGER dollar_trigger BEFORE INSERT ON tally
FOR EACH ROW
BEGIN
  SET NEW.n = NEW.n + 1;
END$$
SELECT 'a $$ inside a string is not a delimiter'$$
SELECT 2 AS two$$
DELIMITER ;
SELECT 'back to semicolons';
