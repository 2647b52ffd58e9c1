-- Running upgrade d0a4e8c2f613 -> 1c7f3b9d5e24

-- The waitlist moved to the scheduling service.
DROP TABLE waitlist_entries;

DROP TYPE waitlist_priority;
