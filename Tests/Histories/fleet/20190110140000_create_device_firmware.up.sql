CREATE TABLE public.device_firmware (
    device_id bigint NOT NULL REFERENCES public.devices (id) ON DELETE CASCADE,
    firmware_id int NOT NULL REFERENCES public.firmware_releases (id),
    installed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device_id, firmware_id),
    PRIMARY KEY (device_id, firmware_id)
);
