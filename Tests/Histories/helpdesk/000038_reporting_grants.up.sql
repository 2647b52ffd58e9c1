DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'helpdesk_reporting') THEN
        CREATE ROLE helpdesk_reporting NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA kb TO helpdesk_reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA kb TO helpdesk_reporting;
GRANT SELECT ON tickets, ticket_comments, agent_workload TO helpdesk_reporting;
GRANT SELECT (id, name, time_zone) ON agents TO helpdesk_reporting;
