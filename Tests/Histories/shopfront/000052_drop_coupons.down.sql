CREATE TABLE coupons (
    id serial PRIMARY KEY,
    code citext NOT NULL UNIQUE,
    percent_off smallint CHECK (percent_off BETWEEN 1 AND 100),
    amount_off_cents int DEFAULT NULL,
    valid_until date DEFAULT NULL,
    CHECK (percent_off IS NOT NULL OR amount_off_cents IS NOT NULL)
);
INSERT INTO coupons (code, percent_off) VALUES ('WELCOME10', 10), ('GRÜEZI', 15);
ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);
