DO $$
DECLARE
    n bigint;
BEGIN
    UPDATE tickets t
    SET sla_policy_id = s.id
    FROM sla_policies s
    WHERE s.priority = t.priority
      AND t.sla_policy_id IS NULL;
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'backfilled % tickets', n;
END
$$;
