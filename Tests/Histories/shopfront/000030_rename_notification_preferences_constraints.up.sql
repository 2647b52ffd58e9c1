-- PostgreSQL shortened the names it chose in 000024 (the table name is over 63 bytes);
-- these are the names it really picked.
ALTER TABLE customer_notification_delivery_preferences_per_channel_and_locale
    RENAME CONSTRAINT customer_notification_delivery_prefe_user_id_channel_locale_key TO notification_preferences_key;
DROP INDEX customer_notification_deliver_quiet_hours_start_in_the_cust_idx;
ALTER TABLE customer_notification_delivery_preferences_per_channel_and_locale RENAME TO notification_preferences;
ALTER TABLE notification_preferences
    RENAME CONSTRAINT customer_notification_delivery_preferences_per_ch_channel_check TO notification_preferences_channel_check;
