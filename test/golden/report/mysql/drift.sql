-- shale diff (mysql): the changes that turn FROM into TO
-- from: prod (env:prod)
-- to:   dev (env:dev)
-- 15 changes (2 destructive) in 6 statements:
--      1  create table
--      1  drop table
--      2  add column
--      1  drop column
--      4  alter column
--      1  drop foreign key
--      3  create index
--      1  drop index
--      1  replace view
-- Review, then apply with: mysql DATABASE < FILE

-- drop foreign key posts_user_id_fkey from posts
ALTER TABLE `posts` DROP FOREIGN KEY `posts_user_id_fkey`;

-- drop table audit_log
-- WARNING: destructive: drops table audit_log and all its rows
DROP TABLE `audit_log`;

-- drop index posts_user_idx from posts
-- add column published to posts
-- alter column status of posts (default)
-- create index posts_title_idx on posts
-- create index posts_user_idx on posts
ALTER TABLE `posts`
  DROP INDEX `posts_user_idx`,
  ADD COLUMN `published` tinyint(1) NOT NULL DEFAULT 0,
  MODIFY COLUMN `status` varchar(20) NULL DEFAULT 'new',
  ADD KEY `posts_title_idx` (`title`),
  ADD KEY `posts_user_idx` (`user_id`, `title`);

-- add column display name to users
-- alter column email of users (type)
-- alter column name of users (nullable)
-- alter column created_at of users (nullable)
-- drop column legacy_flag from users
-- create index users_name_idx on users
-- WARNING: destructive: drops column users.legacy_flag and its data
ALTER TABLE `users`
  DROP COLUMN `legacy_flag`,
  ADD COLUMN `display name` text NULL,
  MODIFY COLUMN `email` varchar(255) NOT NULL,
  MODIFY COLUMN `name` text NOT NULL,
  MODIFY COLUMN `created_at` datetime NOT NULL DEFAULT current_timestamp(),
  ADD KEY `users_name_idx` (`name`);

-- create table comments
CREATE TABLE `comments` (
  `id` int NOT NULL AUTO_INCREMENT,
  `post_id` int NOT NULL,
  `author_id` int NULL,
  `body` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `comments_author_id_fkey` (`author_id`),
  KEY `comments_post_idx` (`post_id`),
  CONSTRAINT `comments_author_id_fkey` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`),
  CONSTRAINT `comments_post_id_fkey` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE
);

-- replace view recent_posts
CREATE OR REPLACE VIEW `recent_posts` AS SELECT id, title, status FROM posts;
