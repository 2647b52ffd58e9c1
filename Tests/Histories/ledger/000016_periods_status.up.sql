ALTER TABLE periods ADD COLUMN status period_status NOT NULL DEFAULT 'open';
UPDATE periods SET status = 'closed' WHERE closed_at IS NOT NULL;
