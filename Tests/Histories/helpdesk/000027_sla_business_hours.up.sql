CREATE TYPE business_hours AS (
    tz text,
    opens time,
    closes time,
    days int[]
);
ALTER TABLE sla_policies ADD COLUMN hours business_hours DEFAULT NULL;
