ALTER TABLE macros RENAME CONSTRAINT macros_created_by_fkey TO macros_created_by_fkey1;
ALTER SEQUENCE macros_id_seq RENAME TO macros_id_seq1;
ALTER INDEX macros_pkey RENAME TO macros_pkey1;
