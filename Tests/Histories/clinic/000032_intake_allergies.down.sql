BEGIN;

-- Running downgrade d0a4e8c2f613 -> 6e0b4d8f2a57

DROP INDEX ix_intake_forms_allergies;

ALTER TABLE intake_forms DROP COLUMN allergies;

COMMIT;

