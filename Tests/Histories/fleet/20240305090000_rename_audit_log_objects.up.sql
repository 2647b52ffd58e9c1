-- 20200212150000 created the new audit_log while the old one (later audit_log_2019) still
-- held the usual names, so PostgreSQL numbered them. Some installations were already fixed
-- by hand, hence the guards.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relname = 'audit_log_pkey1' AND relkind = 'i') THEN
        ALTER INDEX audit_log_pkey1 RENAME TO audit_log_pkey;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relname = 'audit_log_id_seq1' AND relkind = 'S') THEN
        ALTER SEQUENCE audit_log_id_seq1 RENAME TO audit_log_id_seq;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relname = 'audit_log_target_idx1') THEN
        ALTER INDEX audit_log_target_idx1 RENAME TO audit_log_target_idx;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE relname = 'audit_log_org_id_at_action_idx1') THEN
        ALTER INDEX audit_log_org_id_at_action_idx1 RENAME TO audit_log_org_id_at_action_idx;
    END IF;
END
$$;
