BEGIN;
--
-- Create model CheckIn
--
DROP TABLE "bookings_checkin" CASCADE;
COMMIT;
