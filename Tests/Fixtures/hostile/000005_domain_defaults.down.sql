DROP TABLE wallets;
DROP DOMAIN fee_amount;
DROP DOMAIN strict_amount;
DROP DOMAIN money_amount;
