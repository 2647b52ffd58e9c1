CREATE FUNCTION forbid_closed_period_posting() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.period_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM periods WHERE id = NEW.period_id AND status = 'closed') THEN
        RAISE EXCEPTION 'period % is closed', NEW.period_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER postings_closed_period
    BEFORE INSERT OR UPDATE ON postings
    FOR EACH ROW EXECUTE FUNCTION forbid_closed_period_posting();
