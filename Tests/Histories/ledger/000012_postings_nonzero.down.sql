ALTER TABLE postings DROP CONSTRAINT postings_amount_cents_check;
