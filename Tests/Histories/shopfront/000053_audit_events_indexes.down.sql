ALTER INDEX audit.events_subject_idx RENAME TO events_subject_table_subject_id_idx;
DROP INDEX audit.events_at_idx;
