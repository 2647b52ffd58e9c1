INSERT INTO currencies (code, name, minor_units) VALUES
    ('EUR', 'Euro', 2),
    ('USD', 'US dollar', 2),
    ('GBP', 'Pound sterling', 2),
    ('PLN', 'Polski złoty', 2),
    ('JPY', 'Japanese yen (円)', 0),
    ('CHF', 'Schweizer Franken', 2)
ON CONFLICT (code) DO NOTHING;
