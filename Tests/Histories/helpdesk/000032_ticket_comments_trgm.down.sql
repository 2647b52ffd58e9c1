-- migrate:no-transaction
DROP INDEX CONCURRENTLY ticket_comments_body_idx;
