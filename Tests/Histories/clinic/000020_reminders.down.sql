BEGIN;

-- Running downgrade 3a9f6d2c8e05 -> c7b2f0e4a916

DROP INDEX ix_reminders_due;

DROP TABLE reminders;

DROP TYPE reminder_channel;

COMMIT;

