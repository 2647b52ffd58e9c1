-- Back to PostgreSQL's own naming (the ix_ convention of 000010 was abandoned).
DO $$
BEGIN
    IF to_regclass('public.ix_postings_account') IS NOT NULL THEN
        ALTER INDEX public.ix_postings_account RENAME TO postings_account_id_idx;
    END IF;
    IF to_regclass('public.ix_postings_entry') IS NOT NULL THEN
        ALTER INDEX public.ix_postings_entry RENAME TO postings_entry_id_idx;
    END IF;
END
$$;
