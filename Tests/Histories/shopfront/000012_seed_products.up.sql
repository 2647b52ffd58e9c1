-- Demo catalogue for new installs (Lorenz, 2019).
INSERT INTO products (sku, title, description, price_cents, attrs, tags) VALUES
    ('TEE-001', 'T-Shirt „Zürich“', 'Bio-Baumwolle, unisex', 2900, '{"sizes": ["S", "M", "L"]}', ARRAY['apparel', 'summer']),
    ('MUG-002', 'Mug — 350 ml', NULL, 1450, '{"material": "céramique"}', ARRAY['kitchen']),
    ('CAP-003', 'Cap', 'One size', 1990, '{}', '{}');
