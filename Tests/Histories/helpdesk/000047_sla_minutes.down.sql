ALTER TABLE sla_policies RENAME COLUMN first_response_minutes TO first_response;
ALTER TABLE sla_policies ALTER COLUMN first_response TYPE interval USING make_interval(mins => first_response);
ALTER TABLE customers ALTER COLUMN company TYPE varchar(120);
