-- Written so that it can be re-run on databases patched by hand during the 2021 outage.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'channel') THEN
        CREATE TYPE channel AS ENUM ('email', 'web', 'phone', 'chat');
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'tickets' AND column_name = 'channel'
    ) THEN
        ALTER TABLE tickets ADD COLUMN channel channel NOT NULL DEFAULT 'email';
    END IF;
END
$$;
