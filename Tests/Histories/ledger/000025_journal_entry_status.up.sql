DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'entry_status') THEN
        CREATE TYPE entry_status AS ENUM ('draft', 'posted', 'reversed');
    END IF;
END
$$;
ALTER TABLE journal_entries ADD COLUMN status entry_status NOT NULL DEFAULT 'draft';
UPDATE journal_entries SET status = 'posted' WHERE posted_at IS NOT NULL;
