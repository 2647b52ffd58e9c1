CREATE TABLE customer_notification_delivery_preferences_per_channel_and_locale (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
    locale text NOT NULL DEFAULT 'en',
    quiet_hours_start_in_the_customers_own_local_time_zone_if_any time DEFAULT NULL,
    enabled boolean NOT NULL DEFAULT true,
    UNIQUE (user_id, channel, locale)
);
CREATE INDEX ON customer_notification_delivery_preferences_per_channel_and_locale (quiet_hours_start_in_the_customers_own_local_time_zone_if_any);
