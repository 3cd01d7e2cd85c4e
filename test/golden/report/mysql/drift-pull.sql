-- shale pull (mysql): the schema of dev
-- 3 tables in 4 statements, in an order that loads into an empty database.

-- create table posts
CREATE TABLE `posts` (
  `id` int NOT NULL AUTO_INCREMENT,
  `user_id` int NOT NULL,
  `title` text NULL,
  `status` varchar(20) NULL DEFAULT 'new',
  `published` tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `posts_title_idx` (`title`),
  KEY `posts_user_idx` (`user_id`, `title`)
);

-- create table users
CREATE TABLE `users` (
  `id` int NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `name` text NOT NULL,
  `created_at` datetime NOT NULL DEFAULT current_timestamp(),
  `display name` text NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_email_key` (`email`),
  KEY `users_name_idx` (`name`)
);

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

-- create view recent_posts
CREATE OR REPLACE VIEW `recent_posts` AS SELECT id, title, status FROM posts;
