ALTER TABLE "payment" ADD "metadata" jsonb NOT NULL DEFAULT '{}';
COMMENT ON TABLE "payment" IS 'One payment per order — refunds point at it (see "refund")';
COMMENT ON COLUMN "payment"."raw" IS 'The provider''s payload, as received';
