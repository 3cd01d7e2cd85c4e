;
;;
SELECT 1;;
  ;  -- only a terminator on this line
SELECT 2;
