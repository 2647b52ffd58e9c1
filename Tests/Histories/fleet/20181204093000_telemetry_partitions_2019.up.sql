DO $$
DECLARE
    month date := date '2019-01-01';
BEGIN
    WHILE month < date '2020-01-01' LOOP
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS public.%I PARTITION OF public.telemetry FOR VALUES FROM (%L) TO (%L)',
            'telemetry_' || to_char(month, 'YYYY_MM'),
            month::timestamp AT TIME ZONE 'UTC',
            (month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
        month := month + interval '1 month';
    END LOOP;
END
$$;
