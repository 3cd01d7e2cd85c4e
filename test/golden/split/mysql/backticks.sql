CREATE TABLE `odd;table` (`col;one` INT, `say ``hi``;` TEXT, `it's` INT, `"quoted"` INT, `back\` INT);
INSERT INTO `odd;table` (`col;one`, `say ``hi``;`) VALUES (1, 'x');
SELECT `it's`, `back\` FROM `odd;table`;
DROP TABLE `odd;table`;
