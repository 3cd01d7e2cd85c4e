CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE
);

CREATE TABLE post (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES account (id), body TEXT);
INSERT INTO account (email) VALUES ('a@example.com');   INSERT INTO account (email) VALUES ('b@example.com');


CREATE INDEX post_account_idx
    ON post (account_id);
