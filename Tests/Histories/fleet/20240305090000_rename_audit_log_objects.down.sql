ALTER INDEX audit_log_org_id_at_action_idx RENAME TO audit_log_org_id_at_action_idx1;
ALTER INDEX audit_log_target_idx RENAME TO audit_log_target_idx1;
ALTER SEQUENCE audit_log_id_seq RENAME TO audit_log_id_seq1;
ALTER INDEX audit_log_pkey RENAME TO audit_log_pkey1;
