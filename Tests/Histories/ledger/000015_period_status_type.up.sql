DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE t.typname = 'period_status' AND n.nspname = 'public') THEN
        CREATE TYPE public.period_status AS ENUM ('open', 'closing', 'closed');
    END IF;
END
$$;
