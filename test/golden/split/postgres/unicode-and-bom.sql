CREATE TABLE café (naïve text, "☕;" text);
INSERT INTO café VALUES ('😀; emoji', '日本;');
-- été; comment
SELECT naïve FROM café;
