CREATE INDEX ON orders (account_id);
CREATE UNIQUE INDEX IF NOT EXISTS orders_seq_uidx ON orders USING btree (seq DESC NULLS LAST) INCLUDE (amount);
CREATE INDEX orders_lower_remark_idx ON orders (lower(remark)) WHERE remark IS NOT NULL;
CREATE INDEX accounts_tags_gin ON app.accounts USING gin (tags);
CREATE INDEX ON app.accounts ((balance * 2));
CREATE INDEX IF NOT EXISTS accounts_tags_gin ON app.accounts (handle);
CREATE INDEX tmp_idx ON lines (qty);
ALTER INDEX tmp_idx RENAME TO lines_qty_idx;
CREATE INDEX drop_me ON lines (discount);
DROP INDEX drop_me;

CREATE VIEW open_orders AS SELECT id, amount FROM orders WHERE amount > 0;
CREATE OR REPLACE VIEW open_orders AS SELECT id, amount, remark FROM orders WHERE amount > 0;
CREATE MATERIALIZED VIEW order_totals AS SELECT account_id, sum(amount) AS total FROM orders GROUP BY account_id WITH NO DATA;
CREATE VIEW v_tmp AS SELECT 1 AS one;
ALTER VIEW v_tmp RENAME TO v_one;

COMMENT ON TABLE orders IS 'Orders; with ''quotes''';
COMMENT ON COLUMN orders.amount IS E'Amount\nin rupiah';
COMMENT ON COLUMN app.accounts.handle IS 'Public handle';
COMMENT ON COLUMN "Weird Table"."Display Name" IS U&'caf\00E9';
COMMENT ON TABLE lines IS 'temporary';
COMMENT ON TABLE lines IS NULL;
COMMENT ON VIEW open_orders IS 'Orders not yet paid';
COMMENT ON INDEX lines_qty_idx IS 'not modelled';
COMMENT ON CONSTRAINT orders_amount_positive ON orders IS 'not modelled';

-- Statements that never change a shape are skipped, whatever they hold.
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.remark := 'x;y''z'; -- a ; and a ' inside the body
    RETURN NEW;
END;
$fn$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON FUNCTION touch() IS 'not modelled';
DO $$ BEGIN RAISE NOTICE 'hello; world'; END $$;
INSERT INTO app.tags (name) VALUES ('seed; with semicolon');
UPDATE app.tags SET name = name;
GRANT SELECT ON orders TO PUBLIC;
SET LOCAL statement_timeout = '5s';
/* a comment /* with a nested one */ and a ; */ ANALYZE orders;
CREATE SEQUENCE counter;
