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

/* pg-codegen:assume
CREATE TABLE IF NOT EXISTS public.telemetry_2019_01 PARTITION OF public.telemetry FOR VALUES FROM ('2019-01-01 00:00:00+00') TO ('2019-02-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_02 PARTITION OF public.telemetry FOR VALUES FROM ('2019-02-01 00:00:00+00') TO ('2019-03-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_03 PARTITION OF public.telemetry FOR VALUES FROM ('2019-03-01 00:00:00+00') TO ('2019-04-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_04 PARTITION OF public.telemetry FOR VALUES FROM ('2019-04-01 00:00:00+00') TO ('2019-05-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_05 PARTITION OF public.telemetry FOR VALUES FROM ('2019-05-01 00:00:00+00') TO ('2019-06-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_06 PARTITION OF public.telemetry FOR VALUES FROM ('2019-06-01 00:00:00+00') TO ('2019-07-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_07 PARTITION OF public.telemetry FOR VALUES FROM ('2019-07-01 00:00:00+00') TO ('2019-08-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_08 PARTITION OF public.telemetry FOR VALUES FROM ('2019-08-01 00:00:00+00') TO ('2019-09-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_09 PARTITION OF public.telemetry FOR VALUES FROM ('2019-09-01 00:00:00+00') TO ('2019-10-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_10 PARTITION OF public.telemetry FOR VALUES FROM ('2019-10-01 00:00:00+00') TO ('2019-11-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_11 PARTITION OF public.telemetry FOR VALUES FROM ('2019-11-01 00:00:00+00') TO ('2019-12-01 00:00:00+00');
CREATE TABLE IF NOT EXISTS public.telemetry_2019_12 PARTITION OF public.telemetry FOR VALUES FROM ('2019-12-01 00:00:00+00') TO ('2020-01-01 00:00:00+00');
*/
