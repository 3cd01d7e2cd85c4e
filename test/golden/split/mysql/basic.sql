CREATE TABLE account (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE
) ENGINE=InnoDB;

INSERT INTO account (email) VALUES ('a@example.com');   INSERT INTO account (email) VALUES ('b@example.com');


CREATE INDEX account_email_idx
    ON account (email);
SELECT COUNT(*) FROM account
