DROP TABLE firmware_rollouts;
DROP EXTENSTION IF EXISTS btree_gist;
