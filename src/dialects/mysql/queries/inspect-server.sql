-- The server's version (MariaDB says so in it) and the connected database, whose objects
-- the other queries read.
SELECT VERSION() AS version, DATABASE() AS db
