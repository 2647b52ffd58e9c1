-- Hardware we shipped with in 2018. (Müller's meter head is the „Zählerkopf“.)
INSERT INTO public.device_models (vendor, model, specs) VALUES
    ('Acme', 'Thermo-3000', '{"sensors": ["temp", "humidity"], "radio": "lora"}'),
    ('Müller GmbH', 'Zählerkopf Z1', '{"sensors": ["energy"], "interface": "IEC 62056-21"}'),
    ('Ōkami', 'Gateway G2', NULL);
