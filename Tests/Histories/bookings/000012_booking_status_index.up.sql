BEGIN;
--
-- Raw Python operation
--
-- backfill_status(): the same thing in SQL, so that golang-migrate can run it
UPDATE "bookings_booking" SET "status" = 'confirmed' WHERE "status" = 'pending' AND "starts_at" < now();
--
-- Alter field status on booking
--
CREATE INDEX "bookings_booking_status_380c5cb8" ON "bookings_booking" ("status");
CREATE INDEX "bookings_booking_status_380c5cb8_like" ON "bookings_booking" ("status" varchar_pattern_ops);
COMMIT;
