CREATE TABLE public.device_models (
    id serial PRIMARY KEY,
    vendor text NOT NULL,
    model text NOT NULL,
    specs jsonb DEFAULT NULL,
    UNIQUE (vendor, model)
);
