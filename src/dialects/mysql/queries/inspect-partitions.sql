-- The partitions of partitioned tables (unpartitioned tables have one row with a NULL name),
-- in definition order, subpartitions after their partition.
SELECT p.table_name AS table_name,
       p.partition_name AS partition_name,
       p.subpartition_name AS subpartition_name,
       p.partition_method AS partition_method,
       p.subpartition_method AS subpartition_method,
       p.partition_expression AS partition_expression,
       p.subpartition_expression AS subpartition_expression,
       p.partition_description AS partition_description,
       p.partition_comment AS partition_comment
FROM information_schema.partitions p
WHERE p.table_schema = DATABASE() AND p.partition_name IS NOT NULL
ORDER BY p.table_name, p.partition_ordinal_position, p.subpartition_ordinal_position
