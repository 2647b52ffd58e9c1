BEGIN;
--
-- Alter field status on booking
--
DROP INDEX IF EXISTS "bookings_booking_status_380c5cb8_like";
DROP INDEX IF EXISTS "bookings_booking_status_380c5cb8";
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
