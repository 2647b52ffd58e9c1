REVOKE SELECT (id, name, time_zone) ON agents FROM helpdesk_reporting;
REVOKE SELECT ON tickets, ticket_comments, agent_workload FROM helpdesk_reporting;
REVOKE SELECT ON ALL TABLES IN SCHEMA kb FROM helpdesk_reporting;
REVOKE USAGE ON SCHEMA kb FROM helpdesk_reporting;
