BEGIN;

-- Running downgrade 58e1a3c7d9f4 -> 0f4c2e8a6b13

ALTER TABLE appointments RENAME provider_id TO practitioner_id;

ALTER TABLE providers RENAME TO practitioners;

COMMIT;

