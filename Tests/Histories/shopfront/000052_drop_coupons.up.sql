-- Coupons moved to the promotions service. Takes orders_coupon_id_fkey with it; the
-- column stays for the old orders.
DROP TABLE coupons CASCADE;
