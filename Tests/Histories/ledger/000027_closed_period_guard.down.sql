DROP TRIGGER postings_closed_period ON postings;
DROP FUNCTION forbid_closed_period_posting();
