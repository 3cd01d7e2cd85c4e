-- shale diff (sqlite): the changes that turn FROM into TO
-- from: prod (env:prod)
-- to:   dev (env:dev)
-- 15 changes (2 destructive) in 23 statements:
--      1  create table
--      1  drop table
--      2  add column
--      1  drop column
--      4  alter column
--      1  drop foreign key
--      3  create index
--      1  drop index
--      1  replace view
-- Review, then apply with: sqlite3 -bail DATABASE_FILE < FILE

-- drop foreign key posts_user_id_fkey from posts
-- drop index posts_user_idx from posts
-- add column published to posts
-- alter column status of posts (default)
-- create index posts_title_idx on posts
-- create index posts_user_idx on posts
-- add column display name to users
-- alter column email of users (type)
-- alter column name of users (nullable)
-- alter column created_at of users (nullable)
-- drop column legacy_flag from users
-- create index users_name_idx on users
-- a table that foreign keys point at is rebuilt: foreign keys must be off, which only works outside a transaction
PRAGMA foreign_keys = OFF;

CREATE TEMP TABLE "_shale_rebuild_guard" ("foreign_keys_off" INTEGER CONSTRAINT "run PRAGMA foreign_keys = OFF outside the transaction before rebuilding tables" CHECK ("foreign_keys_off"), "no_violations" INTEGER CONSTRAINT "the rebuilt tables break foreign keys: see PRAGMA foreign_key_check" CHECK ("no_violations"));

INSERT INTO temp."_shale_rebuild_guard" ("foreign_keys_off") SELECT NOT foreign_keys FROM pragma_foreign_keys;

-- replace view recent_posts
DROP VIEW "recent_posts";

-- drop foreign key posts_user_id_fkey from posts
-- drop index posts_user_idx from posts
-- add column published to posts
-- alter column status of posts (default)
-- create index posts_title_idx on posts
-- create index posts_user_idx on posts
-- rebuilds table posts (drop-foreign-key, drop-index, add-column, alter-column, create-index): SQLite's ALTER TABLE cannot do this in place
CREATE TABLE "_shale_new_posts" (
  "id" integer NOT NULL,
  "user_id" integer NOT NULL,
  "title" text,
  "status" varchar(20) DEFAULT 'new',
  "published" boolean NOT NULL DEFAULT 0,
  PRIMARY KEY ("id")
);

INSERT INTO "_shale_new_posts" ("id", "user_id", "title", "status") SELECT "id", "user_id", "title", "status" FROM "posts";

DROP TABLE "posts";

ALTER TABLE "_shale_new_posts" RENAME TO "posts";

CREATE INDEX "posts_title_idx" ON "posts" ("title");

CREATE INDEX "posts_user_idx" ON "posts" ("user_id", "title");

-- create table comments
CREATE TABLE "comments" (
  "id" integer NOT NULL,
  "post_id" integer NOT NULL,
  "author_id" integer,
  "body" text NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id"),
  CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE
);

CREATE INDEX "comments_post_idx" ON "comments" ("post_id");

-- add column display name to users
-- alter column email of users (type)
-- alter column name of users (nullable)
-- alter column created_at of users (nullable)
-- drop column legacy_flag from users
-- create index users_name_idx on users
-- rebuilds table users (add-column, alter-column, drop-column, create-index): SQLite's ALTER TABLE cannot do this in place
CREATE TABLE "_shale_new_users" (
  "id" integer NOT NULL,
  "email" varchar(255) NOT NULL,
  "name" text NOT NULL,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "display name" text,
  PRIMARY KEY ("id")
);

INSERT INTO "_shale_new_users" ("id", "email", "name", "created_at") SELECT "id", "email", "name", "created_at" FROM "users";

-- WARNING: destructive: drops column users.legacy_flag and its data
DROP TABLE "users";

ALTER TABLE "_shale_new_users" RENAME TO "users";

CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");

CREATE INDEX "users_name_idx" ON "users" ("name");

-- drop table audit_log
-- WARNING: destructive: drops table audit_log and all its rows
DROP TABLE "audit_log";

-- replace view recent_posts
CREATE VIEW "recent_posts" AS SELECT id, title, status FROM posts;

-- drop foreign key posts_user_id_fkey from posts
-- drop index posts_user_idx from posts
-- add column published to posts
-- alter column status of posts (default)
-- create index posts_title_idx on posts
-- create index posts_user_idx on posts
-- add column display name to users
-- alter column email of users (type)
-- alter column name of users (nullable)
-- alter column created_at of users (nullable)
-- drop column legacy_flag from users
-- create index users_name_idx on users
INSERT INTO temp."_shale_rebuild_guard" ("no_violations") SELECT NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check('comments', 'main'));

DROP TABLE temp."_shale_rebuild_guard";

PRAGMA foreign_keys = ON;
