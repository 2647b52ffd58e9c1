-- Hand-written (not Django): keep updated_at current, also for the raw UPDATEs of the sync job.
ALTER TABLE bookings_booking ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION bookings_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_booking_touch
    BEFORE UPDATE ON bookings_booking
    FOR EACH ROW EXECUTE FUNCTION bookings_touch_updated_at();
