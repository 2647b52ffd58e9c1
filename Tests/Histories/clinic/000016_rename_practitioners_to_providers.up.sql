BEGIN;

-- Running upgrade 0f4c2e8a6b13 -> 58e1a3c7d9f4

-- op.rename_table / op.alter_column(new_column_name=...). The view follows both renames.
ALTER TABLE practitioners RENAME TO providers;

ALTER TABLE appointments RENAME practitioner_id TO provider_id;

COMMIT;

