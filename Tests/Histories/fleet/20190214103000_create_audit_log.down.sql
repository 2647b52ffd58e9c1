DROP VIEW audit_log_recent;
DROP TABLE audit_log;
