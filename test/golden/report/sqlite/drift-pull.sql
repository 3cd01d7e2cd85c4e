-- shale pull (sqlite): the schema of dev
-- 3 tables in 9 statements, in an order that loads into an empty database.

-- create table posts
CREATE TABLE "posts" (
  "id" integer NOT NULL,
  "user_id" integer NOT NULL,
  "title" text,
  "status" varchar(20) DEFAULT 'new',
  "published" boolean NOT NULL DEFAULT 0,
  PRIMARY KEY ("id")
);

CREATE INDEX "posts_title_idx" ON "posts" ("title");

CREATE INDEX "posts_user_idx" ON "posts" ("user_id", "title");

-- create table users
CREATE TABLE "users" (
  "id" integer NOT NULL,
  "email" varchar(255) NOT NULL,
  "name" text NOT NULL,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "display name" text,
  PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");

CREATE INDEX "users_name_idx" ON "users" ("name");

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

-- create view recent_posts
CREATE VIEW "recent_posts" AS SELECT id, title, status FROM posts;
