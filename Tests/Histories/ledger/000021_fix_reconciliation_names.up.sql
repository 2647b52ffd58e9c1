-- 000017 created the new table while the old one held the plain names, so PostgreSQL
-- numbered them. Put the plain names back where they are still numbered.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'reconciliations_pkey1' AND relkind = 'i') THEN
        ALTER INDEX reconciliations_pkey1 RENAME TO reconciliations_pkey;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'reconciliations_id_seq1' AND relkind = 'S') THEN
        ALTER SEQUENCE reconciliations_id_seq1 RENAME TO reconciliations_id_seq;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_class WHERE relname = 'reconciliations_account_id_period_id_key1') THEN
        ALTER INDEX reconciliations_account_id_period_id_key1 RENAME TO reconciliations_account_id_period_id_key;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'reconciliations_account_id_fkey1') THEN
        ALTER TABLE reconciliations RENAME CONSTRAINT reconciliations_account_id_fkey1 TO reconciliations_account_id_fkey;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'reconciliations_period_id_fkey1') THEN
        ALTER TABLE reconciliations RENAME CONSTRAINT reconciliations_period_id_fkey1 TO reconciliations_period_id_fkey;
    END IF;
END
$$;
