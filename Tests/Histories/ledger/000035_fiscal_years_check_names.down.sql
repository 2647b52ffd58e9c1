ALTER TABLE fiscal_years RENAME CONSTRAINT fiscal_years_range_check fiscal_years_check;
ALTER TABLE fiscal_years ADD CONSTRAINT fiscal_years_check1 CHECK (starts_on < ends_on);
