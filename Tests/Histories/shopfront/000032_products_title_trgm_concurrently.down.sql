DROP INDEX CONCURRENTLY products_title_idx;
