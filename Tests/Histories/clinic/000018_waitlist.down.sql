BEGIN;

-- Running downgrade c7b2f0e4a916 -> 58e1a3c7d9f4

DROP INDEX ix_waitlist_entries_open;

DROP TABLE waitlist_entries,;

DROP TYPE waitlist_priority;

COMMIT;

