DROP TABLE app_credit_uses;
DROP TABLE app_credits;
