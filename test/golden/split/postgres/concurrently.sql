-- shale:no-transaction
CREATE TABLE big (id int, v int);
CREATE INDEX CONCURRENTLY big_v_idx ON big (v);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS big_id_idx ON big (id);
REINDEX INDEX CONCURRENTLY big_v_idx;
DROP INDEX CONCURRENTLY big_v_idx;
VACUUM (ANALYZE) big;
CREATE TYPE mood AS ENUM ('sad', 'ok');
ALTER TYPE mood ADD VALUE 'happy';
