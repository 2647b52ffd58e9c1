BEGIN;
DELETE FROM reconciliations;
COMMIT;
