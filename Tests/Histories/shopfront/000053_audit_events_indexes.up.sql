CREATE INDEX ON audit.events (at) WHERE action <> 'select';
ALTER INDEX audit.events_subject_table_subject_id_idx RENAME TO events_subject_idx;
