CREATE TABLE café (naïve TEXT, `☕;` TEXT) DEFAULT CHARSET=utf8mb4;
INSERT INTO café VALUES ('😀; emoji', '日本;');
# été; comment
SELECT naïve FROM café;
