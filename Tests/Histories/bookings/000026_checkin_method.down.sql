BEGIN;
--
-- Alter field method on checkin
--
ALTER TABLE "bookings_checkin" ALTER COLUMN "method" TYPE varchar(10) USING "method"::varchar(10);
--
-- Raw Python operation
--
-- THIS OPERATION CANNOT BE WRITTEN AS SQL
COMMIT;
