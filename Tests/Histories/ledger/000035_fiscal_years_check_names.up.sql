-- 000034 wrote the same check twice; PostgreSQL kept both (fiscal_years_check, fiscal_years_check1).
ALTER TABLE fiscal_years DROP CONSTRAINT fiscal_years_check1;
ALTER TABLE fiscal_years RENAME CONSTRAINT fiscal_years_check TO fiscal_years_range_check;
