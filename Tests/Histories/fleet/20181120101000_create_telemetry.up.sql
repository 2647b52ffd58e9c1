-- Telemetry is range-partitioned by month. Partitions are created ahead of time.
CREATE TABLE public.telemetry (
    device_id bigint NOT NULL REFERENCES public.devices (id) ON DELETE CASCADE,
    recorded_at timestamptz NOT NULL,
    metric text NOT NULL,
    value double precision,
    payload jsonb DEFAULT NULL,
    PRIMARY KEY (device_id, recorded_at, metric)
) PARTITION BY RANGE (recorded_at);

CREATE TABLE public.telemetry_2018_11 PARTITION OF public.telemetry
    FOR VALUES FROM ('2018-11-01 00:00:00+00') TO ('2018-12-01 00:00:00+00');
CREATE TABLE public.telemetry_2018_12 PARTITION OF public.telemetry
    FOR VALUES FROM ('2018-12-01 00:00:00+00') TO ('2019-01-01 00:00:00+00');
CREATE TABLE public.telemetry_default PARTITION OF public.telemetry DEFAULT;

CREATE INDEX ON public.telemetry (metric, recorded_at);
