-- 000022 created the new macros table while macros_v1 still held the usual names.
ALTER INDEX macros_pkey1 RENAME TO macros_pkey;
ALTER SEQUENCE macros_id_seq1 RENAME TO macros_id_seq;
ALTER TABLE macros RENAME CONSTRAINT macros_created_by_fkey1 TO macros_created_by_fkey;
