DROP TABLE reconciliations;
ALTER TABLE reconciliations_v1 RENAME TO reconciliations;
