-- Defaults that come from a column's domain, not the column: an INSERT that leaves the column
-- out stores the domain's default (a domain over a domain takes the inner one's).
CREATE DOMAIN money_amount AS numeric(14, 2) DEFAULT 0;
CREATE DOMAIN strict_amount AS numeric(14, 2) NOT NULL DEFAULT 0;
CREATE DOMAIN fee_amount AS money_amount;
CREATE TABLE wallets (
    id integer PRIMARY KEY,
    balance money_amount,
    hold strict_amount,
    fee fee_amount,
    spent money_amount DEFAULT 5
);
