-- saas_clients: the businesses that subscribe to the service, with their subscription and their
-- WhatsApp Business integration. Every other saas table belongs to a client.

CREATE TYPE saas_subscription_plan AS ENUM ('free', 'starter', 'business', 'enterprise');

CREATE TYPE saas_subscription_status AS ENUM ('trialing', 'active', 'past_due', 'canceled', 'expired');

CREATE TABLE saas_clients (
    id                              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                            varchar(200) NOT NULL,
    slug                            varchar(64) NOT NULL,
    email                           varchar(255) NOT NULL,
    phone                           varchar(20),
    business_category               varchar(100),
    address                         text,
    timezone                        varchar(64) NOT NULL DEFAULT 'Asia/Jakarta',

    -- Subscription
    subscription_plan               saas_subscription_plan NOT NULL DEFAULT 'free',
    subscription_status             saas_subscription_status NOT NULL DEFAULT 'trialing',
    trial_ends_at                   timestamptz,
    subscription_started_at         timestamptz,
    subscription_ends_at            timestamptz,
    monthly_message_quota           integer NOT NULL DEFAULT 1000,

    -- WhatsApp Business integration
    whatsapp_number                 varchar(20),
    whatsapp_phone_number_id        varchar(64),
    whatsapp_business_account_id    varchar(64),
    whatsapp_access_token_encrypted bytea,
    whatsapp_webhook_verify_token   varchar(128),
    whatsapp_connected_at           timestamptz,

    settings                        jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_active                       boolean NOT NULL DEFAULT true,
    created_at                      timestamptz NOT NULL DEFAULT now(),
    updated_at                      timestamptz NOT NULL DEFAULT now(),
    deleted_at                      timestamptz,

    CONSTRAINT saas_clients_slug_key UNIQUE (slug),
    CONSTRAINT saas_clients_email_key UNIQUE (email),
    CONSTRAINT saas_clients_whatsapp_number_key UNIQUE (whatsapp_number),
    CONSTRAINT saas_clients_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT saas_clients_whatsapp_number_format CHECK (whatsapp_number ~ '^\+[1-9][0-9]{6,14}$'),
    CONSTRAINT saas_clients_message_quota_positive CHECK (monthly_message_quota >= 0),
    CONSTRAINT saas_clients_subscription_period CHECK (
        subscription_ends_at IS NULL OR subscription_started_at IS NULL
        OR subscription_ends_at > subscription_started_at
    ),
    CONSTRAINT saas_clients_settings_is_object CHECK (jsonb_typeof(settings) = 'object')
);

-- Renewal and expiry jobs look clients up by status and end date.
CREATE INDEX saas_clients_subscription_idx ON saas_clients (subscription_status, subscription_ends_at);

-- Keeps updated_at current on every saas table that has one.
CREATE FUNCTION saas_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER saas_clients_set_updated_at
    BEFORE UPDATE ON saas_clients
    FOR EACH ROW EXECUTE FUNCTION saas_set_updated_at();

COMMENT ON TYPE saas_subscription_plan IS 'The plan a client pays for.';
COMMENT ON TYPE saas_subscription_status IS 'Where a client is in the subscription life cycle.';
COMMENT ON TABLE saas_clients IS 'Businesses subscribed to the service: identity, subscription and WhatsApp integration.';
COMMENT ON COLUMN saas_clients.id IS 'Client identifier.';
COMMENT ON COLUMN saas_clients.name IS 'Business name as shown to customers.';
COMMENT ON COLUMN saas_clients.slug IS 'URL-safe unique handle, lower case words joined by hyphens.';
COMMENT ON COLUMN saas_clients.email IS 'Contact and billing e-mail address; unique.';
COMMENT ON COLUMN saas_clients.phone IS 'Contact phone number of the business owner.';
COMMENT ON COLUMN saas_clients.business_category IS 'Free-form business category, such as restaurant or pharmacy.';
COMMENT ON COLUMN saas_clients.timezone IS 'IANA time zone used for billing periods and reports.';
COMMENT ON COLUMN saas_clients.subscription_plan IS 'Current plan.';
COMMENT ON COLUMN saas_clients.subscription_status IS 'Current subscription status.';
COMMENT ON COLUMN saas_clients.trial_ends_at IS 'End of the free trial; NULL when the client never had one.';
COMMENT ON COLUMN saas_clients.subscription_started_at IS 'Start of the current paid subscription.';
COMMENT ON COLUMN saas_clients.subscription_ends_at IS 'End of the current paid subscription; NULL while open-ended.';
COMMENT ON COLUMN saas_clients.monthly_message_quota IS 'AI replies included per billing period.';
COMMENT ON COLUMN saas_clients.whatsapp_number IS 'WhatsApp Business number in E.164 form (+6281234567890); unique.';
COMMENT ON COLUMN saas_clients.whatsapp_phone_number_id IS 'Phone number ID in the WhatsApp Cloud API.';
COMMENT ON COLUMN saas_clients.whatsapp_business_account_id IS 'WhatsApp Business Account (WABA) ID.';
COMMENT ON COLUMN saas_clients.whatsapp_access_token_encrypted IS 'Cloud API access token, encrypted by the application; never stored in plain text.';
COMMENT ON COLUMN saas_clients.whatsapp_webhook_verify_token IS 'Token the webhook verification handshake must echo.';
COMMENT ON COLUMN saas_clients.whatsapp_connected_at IS 'When the WhatsApp integration was last connected; NULL when not connected.';
COMMENT ON COLUMN saas_clients.settings IS 'Client preferences (greeting, business hours, AI tone) as a JSON object.';
COMMENT ON COLUMN saas_clients.is_active IS 'False when the client is suspended.';
COMMENT ON COLUMN saas_clients.deleted_at IS 'Soft-delete time; NULL for live clients.';
