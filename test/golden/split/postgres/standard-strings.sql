CREATE TABLE note (body text);
INSERT INTO note VALUES ('it''s; fine');
INSERT INTO note VALUES ('a backslash is literal here \');
INSERT INTO note VALUES ('line one;
line two -- not a comment
/* not a comment either */');
INSERT INTO note VALUES ('split' 
  'across lines; joined');
SELECT B'1010', X'1F', N'national; string', U&'d\0061t\+000061;';
SELECT U&'d!0061t' UESCAPE '!';
SELECT '';
