CREATE MATERIALIZED VIEW agent_workload AS
SELECT assignee_id,
       count(*) FILTER (WHERE status IN ('new', 'open')) AS open_count,
       count(*) AS total
FROM tickets
WHERE assignee_id IS NOT NULL
GROUP BY assignee_id;

CREATE UNIQUE INDEX ON agent_workload (assignee_id);
