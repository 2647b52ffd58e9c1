DROP TABLE audit_log;
ALTER TABLE audit_log_2019 RENAME TO audit_log;
