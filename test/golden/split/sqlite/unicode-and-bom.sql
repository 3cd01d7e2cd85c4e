CREATE TABLE café (naïve TEXT, "☕;" TEXT);
INSERT INTO café VALUES ('😀; emoji', '日本;');
-- été; comment
SELECT naïve FROM café;
