DO $$
DECLARE
    month date := date '2019-01-01';
BEGIN
    WHILE month < date '2020-01-01' LOOP
        EXECUTE format('DROP TABLE public.%I', 'telemetry_' || to_char(month, 'YYYY_MM'));
        month := month + interval '1 month';
    END LOOP;
END
$$;
