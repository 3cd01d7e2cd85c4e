SELECT 1;

-- last statement without a newline or terminator
SELECT 2