CREATE TABLE public.devices (
    id bigserial PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES public.organizations (id) ON DELETE CASCADE,
    model_id int REFERENCES public.device_models (id),
    serial_no text NOT NULL,
    name text DEFAULT NULL::text,
    tags text[] DEFAULT '{}',
    last_seen_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ON public.devices (org_id, serial_no);
CREATE INDEX ON public.devices (lower(name));
CREATE INDEX ON public.devices (last_seen_at);
