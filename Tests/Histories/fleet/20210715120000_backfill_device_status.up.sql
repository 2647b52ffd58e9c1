DO $$
BEGIN
    UPDATE devices SET status = 'active'
    WHERE status = 'provisioning' AND last_seen_at IS NOT NULL;
    UPDATE devices SET status = 'maintenance'
    WHERE status = 'active' AND last_seen_at < now() - interval '30 days';
END
$$;
