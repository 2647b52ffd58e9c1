ALTER TABLE currencies
    ADD COLUMN symbol varchar(8) DEFAULT NULL,
    ADD COLUMN active boolean NOT NULL DEFAULT true;
UPDATE currencies SET symbol = CASE code
    WHEN 'EUR' THEN '€' WHEN 'USD' THEN '$' WHEN 'GBP' THEN '£'
    WHEN 'PLN' THEN 'zł' WHEN 'JPY' THEN '¥' ELSE NULL END;
