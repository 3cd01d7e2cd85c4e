-- Routine parameters in order (position 0, a function's return value, is left out).
SELECT p.specific_name AS routine_name,
       p.routine_type AS routine_type,
       p.parameter_mode AS parameter_mode,
       p.parameter_name AS parameter_name,
       p.dtd_identifier AS type
FROM information_schema.parameters p
WHERE p.specific_schema = DATABASE() AND p.ordinal_position > 0
ORDER BY p.specific_name, p.ordinal_position
