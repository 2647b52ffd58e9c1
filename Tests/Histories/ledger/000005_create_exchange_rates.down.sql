drop table exchange_rates;
