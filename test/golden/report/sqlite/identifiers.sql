-- shale diff (sqlite): the changes that turn FROM into TO
-- from: prod (env:prod)
-- to:   dev (env:dev)
-- 3 changes (1 destructive) in 4 statements:
--      1  create table
--      1  add column
--      1  drop column
-- Review, then apply with: sqlite3 -bail DATABASE_FILE < FILE

-- create table Naïve Ünïcode|pipe
CREATE TABLE "Naïve Ünïcode|pipe" (
  "id" integer NOT NULL,
  "order id" integer NOT NULL,
  "Mixed Case" varchar(20),
  PRIMARY KEY ("id"),
  CONSTRAINT "fk to order" FOREIGN KEY ("order id") REFERENCES "order" ("id") ON DELETE CASCADE
);

CREATE INDEX "idx|mixed" ON "Naïve Ünïcode|pipe" ("Mixed Case");

-- add column sélect to order
ALTER TABLE "order" ADD COLUMN "sélect" text;

-- drop column back`tick from order
-- WARNING: destructive: drops column order.back`tick and its data
ALTER TABLE "order" DROP COLUMN "back`tick";
