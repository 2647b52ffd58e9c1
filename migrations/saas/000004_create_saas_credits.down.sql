DROP TABLE IF EXISTS saas_credit_transactions;
DROP TABLE IF EXISTS saas_credits;
DROP TYPE IF EXISTS saas_credit_transaction_type;
