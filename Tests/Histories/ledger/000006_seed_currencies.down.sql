DELETE FROM currencies WHERE code IN ('EUR', 'USD', 'GBP', 'PLN', 'JPY', 'CHF');
