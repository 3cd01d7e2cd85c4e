-- shale diff (mysql): the changes that turn FROM into TO
-- from: prod (env:prod)
-- to:   dev (env:dev)
-- 3 changes (1 destructive) in 2 statements:
--      1  create table
--      1  add column
--      1  drop column
-- Review, then apply with: mysql DATABASE < FILE

-- add column sélect to order
-- drop column back`tick from order
-- WARNING: destructive: drops column order.back`tick and its data
ALTER TABLE `order`
  DROP COLUMN `back``tick`,
  ADD COLUMN `sélect` text NULL AFTER `we"ird`;

-- create table Naïve Ünïcode|pipe
CREATE TABLE `Naïve Ünïcode|pipe` (
  `id` int NOT NULL,
  `order id` int NOT NULL,
  `Mixed Case` varchar(20) NULL,
  PRIMARY KEY (`id`),
  KEY `fk to order` (`order id`),
  KEY `idx|mixed` (`Mixed Case`),
  CONSTRAINT `fk to order` FOREIGN KEY (`order id`) REFERENCES `order` (`id`) ON DELETE CASCADE
);
