DELETE FROM public.device_models WHERE (vendor, model) IN
    (('Acme', 'Thermo-3000'), ('Müller GmbH', 'Zählerkopf Z1'), ('Ōkami', 'Gateway G2'));
