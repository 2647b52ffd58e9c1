DROP INDEX users_lower_idx1;
DROP INDEX users_lower_idx;
