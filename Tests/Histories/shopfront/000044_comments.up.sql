COMMENT ON TABLE orders IS 'One checkout.
Rows are never deleted; cancelled orders keep status ''cancelled''.';
COMMENT ON COLUMN orders.total IS E'Gross total incl. VAT,\nin the order''s currency (never converted).';
COMMENT ON TABLE carts IS 'Guest & user carts — "items" is the raw cart JSON from the checkout service';
