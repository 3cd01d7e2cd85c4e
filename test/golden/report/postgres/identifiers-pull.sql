-- shale pull (postgres): the schema of dev
-- 2 tables in 4 statements, in an order that loads into an empty database.

-- create namespace public
CREATE SCHEMA IF NOT EXISTS "public";

-- create table public.order
CREATE TABLE "public"."order" (
  "id" integer NOT NULL,
  "we""ird" text,
  "sélect" text,
  CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- create table public.Naïve Ünïcode|pipe
CREATE TABLE "public"."Naïve Ünïcode|pipe" (
  "id" integer NOT NULL,
  "order id" integer NOT NULL,
  "Mixed Case" character varying(20),
  CONSTRAINT "child_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "fk to order" FOREIGN KEY ("order id") REFERENCES "public"."order" ("id") ON UPDATE NO ACTION ON DELETE CASCADE
);

CREATE INDEX "idx|mixed" ON "public"."Naïve Ünïcode|pipe" ("Mixed Case");
