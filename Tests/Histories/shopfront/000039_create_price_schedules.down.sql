DROP TABLE price_schedules;
DROP EXTENSION IF EXISTS btree_gist;
