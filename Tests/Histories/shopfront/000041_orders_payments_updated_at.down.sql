DROP TRIGGER payments_set_updated_at ON payments;
DROP TRIGGER orders_set_updated_at ON orders;
ALTER TABLE payments DROP COLUMN updated_at;
ALTER TABLE orders DROP COLUMN updated_at;
