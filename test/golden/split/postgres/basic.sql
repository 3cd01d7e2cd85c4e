CREATE TABLE account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE
);

CREATE TABLE post (id serial PRIMARY KEY, account_id bigint REFERENCES account (id), body text);
INSERT INTO account (email) VALUES ('a@example.com');   INSERT INTO account (email) VALUES ('b@example.com');


CREATE INDEX post_account_idx
    ON post (account_id);
