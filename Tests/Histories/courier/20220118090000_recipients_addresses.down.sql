-- == Running 20220118090000 Courier.Repo.Migrations.RecipientsAddresses.change/0 backward
-- alter table recipients
ALTER TABLE "recipients" ADD COLUMN "default_address" text;
UPDATE recipients r SET default_address = a.address ->> 'line1' FROM recipient_addresses a WHERE a.recipient_id = r.id AND a.is_default;
DROP TABLE "recipient_addresses";
