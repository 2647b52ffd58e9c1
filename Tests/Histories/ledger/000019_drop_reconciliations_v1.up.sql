-- CASCADE: the view unreconciled_accounts followed the rename to reconciliations_v1.
DROP TABLE reconciliations_v1 CASCADE;
