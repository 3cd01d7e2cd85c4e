-- shale diff (postgres): the changes that turn FROM into TO
-- from: prod (env:prod)
-- to:   dev (env:dev)
-- 3 changes (1 destructive) in 4 statements:
--      1  create table
--      1  add column
--      1  drop column
-- Review, then apply with: psql -1 -v ON_ERROR_STOP=1 -f FILE DATABASE_URL

-- create table public.Naïve Ünïcode|pipe
CREATE TABLE "public"."Naïve Ünïcode|pipe" (
  "id" integer NOT NULL,
  "order id" integer NOT NULL,
  "Mixed Case" character varying(20),
  CONSTRAINT "child_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "fk to order" FOREIGN KEY ("order id") REFERENCES "public"."order" ("id") ON UPDATE NO ACTION ON DELETE CASCADE
);

CREATE INDEX "idx|mixed" ON "public"."Naïve Ünïcode|pipe" ("Mixed Case");

-- add column sélect to public.order
ALTER TABLE "public"."order" ADD COLUMN "sélect" text;

-- drop column back`tick from public.order
-- WARNING: destructive: drops column public.order.back`tick and its data
ALTER TABLE "public"."order" DROP COLUMN "back`tick";
