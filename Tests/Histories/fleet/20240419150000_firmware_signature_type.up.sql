DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = 'public' AND t.typname = 'signature_algorithm') THEN
        CREATE TYPE public.signature_algorithm AS ENUM ('ed25519', 'ecdsa-p256');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute
                   WHERE attrelid = 'public.firmware_releases'::regclass
                     AND attname = 'signature_algorithm' AND NOT attisdropped) THEN
        ALTER TABLE public.firmware_releases
            ADD COLUMN signature_algorithm public.signature_algorithm DEFAULT NULL,
            ADD COLUMN signature bytea DEFAULT NULL;
    END IF;
END
$$;
