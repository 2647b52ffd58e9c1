alter table periods drop column fiscal_year_id;
drop table fiscal_years;
