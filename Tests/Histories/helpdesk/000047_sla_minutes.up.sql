ALTER TABLE customers ALTER COLUMN company TYPE text USING nullif(trim(company), '');
ALTER TABLE sla_policies ALTER COLUMN first_response TYPE integer
    USING (extract(epoch FROM first_response) / 60)::integer;
ALTER TABLE sla_policies RENAME COLUMN first_response TO first_response_minutes;
