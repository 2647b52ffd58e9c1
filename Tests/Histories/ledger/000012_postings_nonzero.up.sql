ALTER TABLE postings ADD CHECK (amount_cents <> 0);
