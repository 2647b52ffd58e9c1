DROP TABLE payments;
DROP TYPE IF EXISTS payment_provider;
