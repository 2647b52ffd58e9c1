BEGIN;
--
-- Raw Python operation
--
UPDATE "bookings_checkin" SET "method" = 'qr' WHERE "method" IN ('qrcode', 'QR');
--
-- Alter field method on checkin
--
ALTER TABLE "bookings_checkin" ALTER COLUMN "method" TYPE varchar(12) USING "method"::varchar(12);
COMMIT;
