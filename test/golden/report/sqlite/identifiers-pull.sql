-- shale pull (sqlite): the schema of dev
-- 2 tables in 3 statements, in an order that loads into an empty database.

-- create table order
CREATE TABLE "order" (
  "id" integer NOT NULL,
  "we""ird" text,
  "sélect" text,
  PRIMARY KEY ("id")
);

-- create table Naïve Ünïcode|pipe
CREATE TABLE "Naïve Ünïcode|pipe" (
  "id" integer NOT NULL,
  "order id" integer NOT NULL,
  "Mixed Case" varchar(20),
  PRIMARY KEY ("id"),
  CONSTRAINT "fk to order" FOREIGN KEY ("order id") REFERENCES "order" ("id") ON DELETE CASCADE
);

CREATE INDEX "idx|mixed" ON "Naïve Ünïcode|pipe" ("Mixed Case");
