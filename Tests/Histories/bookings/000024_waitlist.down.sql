BEGIN;
--
-- Create constraint unique_active_waitlist on model waitlistentry
--
DROP INDEX IF EXISTS "unique_active_waitlist";
--
-- Create model WaitlistEntry
--
DROP TABLE "bookings_waitlistentry" CASCADE;
COMMIT;
