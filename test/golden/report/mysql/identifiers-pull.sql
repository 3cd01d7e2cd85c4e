-- shale pull (mysql): the schema of dev
-- 2 tables in 2 statements, in an order that loads into an empty database.

-- create table order
CREATE TABLE `order` (
  `id` int NOT NULL,
  `we"ird` text NULL,
  `sélect` text NULL,
  PRIMARY KEY (`id`)
);

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
