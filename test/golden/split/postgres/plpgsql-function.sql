CREATE TABLE audit (at timestamptz, what text);

-- A trigger function with semicolons, quotes and comments inside its body.
CREATE OR REPLACE FUNCTION log_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  msg text := 'changed; ' || TG_OP; -- inline comment; inside the body
BEGIN
  /* block comment; inside */
  INSERT INTO audit VALUES (now(), msg);
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$fn$;

CREATE TABLE item (id int);
CREATE TRIGGER item_log AFTER INSERT OR DELETE ON item
  FOR EACH ROW EXECUTE FUNCTION log_change();
CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
  AS 'SELECT a + b; -- a quoted body with a semicolon';
INSERT INTO item VALUES (add(1, 2));
