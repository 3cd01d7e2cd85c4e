CREATE TABLE "odd;table" ("col;one" INTEGER, "say ""hi"";" TEXT, [bracket;name] TEXT, `back;tick` TEXT, [with "quote"] TEXT);
INSERT INTO "odd;table" VALUES (1, 'it''s; fine', 'a\', '-- not a comment', '/* nor this */');
INSERT INTO [odd;table] ([col;one]) VALUES (2);
SELECT `back;tick`, [with "quote"], "say ""hi"";" FROM `odd;table`;
SELECT X'3B', x'', 'line one;
line two';
