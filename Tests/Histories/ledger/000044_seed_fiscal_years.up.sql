DO $$
DECLARE
    y int;
    m int;
BEGIN
    FOR y IN 2019..2024 LOOP
        INSERT INTO fiscal_years (id, starts_on, ends_on)
        VALUES (y, make_date(y, 1, 1), make_date(y, 12, 31))
        ON CONFLICT (id) DO NOTHING;
        FOR m IN 1..12 LOOP
            INSERT INTO periods (name, starts_on, ends_on, fiscal_year_id)
            VALUES (format('%s-%s', y, lpad(m::text, 2, '0')),
                    make_date(y, m, 1), (make_date(y, m, 1) + interval '1 month - 1 day')::date, y)
            ON CONFLICT (starts_on, ends_on) DO NOTHING;
        END LOOP;
    END LOOP;
END
$$;
