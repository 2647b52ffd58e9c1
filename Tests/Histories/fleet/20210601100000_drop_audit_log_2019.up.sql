-- The auditors are done. The view still pointed at the old table (views follow renames).
DROP TABLE audit_log_2019 CASCADE;

CREATE VIEW audit_log_recent AS
    SELECT * FROM audit_log WHERE at > now() - interval '30 days';
