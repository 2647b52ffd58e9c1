-- Everyone who signed up before the locale picker existed came through the Swiss shop.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT id FROM users WHERE locale IS NULL LOOP
        UPDATE users SET locale = 'de-CH' WHERE id = r.id;
    END LOOP;
END
$$;
