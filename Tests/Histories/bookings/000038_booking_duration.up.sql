BEGIN;
--
-- Add field duration to booking
--
ALTER TABLE "bookings_booking" ADD COLUMN "duration" interval GENERATED ALWAYS AS (("ends_at" - "starts_at")) STORED;
COMMIT;
