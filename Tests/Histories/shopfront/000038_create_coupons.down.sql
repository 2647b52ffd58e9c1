ALTER TABLE orders DROP COLUMN coupon_id;
DROP TABLE coupons;
