DO $$
BEGIN
    IF to_regclass('public.postings_account_id_idx') IS NOT NULL THEN
        ALTER INDEX public.postings_account_id_idx RENAME TO ix_postings_account;
    END IF;
    IF to_regclass('public.postings_entry_id_idx') IS NOT NULL THEN
        ALTER INDEX public.postings_entry_id_idx RENAME TO ix_postings_entry;
    END IF;
END
$$;
