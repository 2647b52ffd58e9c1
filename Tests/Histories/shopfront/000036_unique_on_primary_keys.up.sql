-- The replication tool insists on a plain unique constraint.
ALTER TABLE users ADD UNIQUE (id);
ALTER TABLE order_items ADD UNIQUE (order_id, line_no);
