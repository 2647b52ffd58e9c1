-- saas_conversations: a client's conversations with its customers, and saas_messages, every
-- message in them, including the log of how each AI reply was produced.

CREATE TYPE saas_conversation_status AS ENUM ('open', 'waiting_for_agent', 'resolved', 'closed');

CREATE TYPE saas_message_direction AS ENUM ('inbound', 'outbound');

CREATE TYPE saas_message_sender AS ENUM ('customer', 'ai', 'agent', 'system');

CREATE TYPE saas_message_status AS ENUM ('received', 'queued', 'sent', 'delivered', 'read', 'failed');

CREATE TABLE saas_conversations (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id          uuid NOT NULL REFERENCES saas_clients (id) ON DELETE CASCADE,
    customer_phone     varchar(20) NOT NULL,
    customer_name      varchar(200),
    channel            varchar(32) NOT NULL DEFAULT 'whatsapp',
    status             saas_conversation_status NOT NULL DEFAULT 'open',
    ai_enabled         boolean NOT NULL DEFAULT true,
    started_at         timestamptz NOT NULL DEFAULT now(),
    last_message_at    timestamptz,
    closed_at          timestamptz,
    metadata           jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT saas_conversations_closed_after_start CHECK (closed_at IS NULL OR closed_at >= started_at)
);

-- The inbox: a client's conversations, most recent first.
CREATE INDEX saas_conversations_client_recent_idx ON saas_conversations (client_id, last_message_at DESC);
-- Finding the open conversation of a customer when a message comes in.
CREATE INDEX saas_conversations_customer_idx ON saas_conversations (client_id, customer_phone, status);

CREATE TRIGGER saas_conversations_set_updated_at
    BEFORE UPDATE ON saas_conversations
    FOR EACH ROW EXECUTE FUNCTION saas_set_updated_at();

CREATE TABLE saas_messages (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id        uuid NOT NULL REFERENCES saas_conversations (id) ON DELETE CASCADE,
    client_id              uuid NOT NULL REFERENCES saas_clients (id) ON DELETE CASCADE,
    direction              saas_message_direction NOT NULL,
    sender                 saas_message_sender NOT NULL,
    content_type           varchar(32) NOT NULL DEFAULT 'text',
    body                   text NOT NULL DEFAULT '',
    media_url              text,
    whatsapp_message_id    varchar(128),
    status                 saas_message_status NOT NULL DEFAULT 'received',
    error_message          text,

    -- AI response log: filled for messages the AI wrote.
    ai_model               varchar(100),
    ai_prompt_tokens       integer,
    ai_completion_tokens   integer,
    ai_latency_ms          integer,
    ai_confidence          real,
    ai_knowledge_entry_ids uuid[] NOT NULL DEFAULT '{}',
    ai_metadata            jsonb,

    sent_at                timestamptz NOT NULL DEFAULT now(),
    created_at             timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT saas_messages_whatsapp_message_id_key UNIQUE (whatsapp_message_id),
    CONSTRAINT saas_messages_ai_tokens_non_negative CHECK (
        coalesce(ai_prompt_tokens, 0) >= 0 AND coalesce(ai_completion_tokens, 0) >= 0
    ),
    CONSTRAINT saas_messages_ai_confidence_range CHECK (ai_confidence IS NULL OR ai_confidence BETWEEN 0 AND 1),
    CONSTRAINT saas_messages_ai_fields_only_for_ai CHECK (sender = 'ai' OR ai_model IS NULL)
);

-- A conversation's messages in order.
CREATE INDEX saas_messages_conversation_idx ON saas_messages (conversation_id, sent_at);
-- A client's messages over time: usage reports and AI response analysis.
CREATE INDEX saas_messages_client_sent_idx ON saas_messages (client_id, sent_at DESC);

COMMENT ON TYPE saas_conversation_status IS 'Where a conversation stands; waiting_for_agent hands it from the AI to a person.';
COMMENT ON TYPE saas_message_direction IS 'inbound from the customer, outbound to the customer.';
COMMENT ON TYPE saas_message_sender IS 'Who wrote a message.';
COMMENT ON TYPE saas_message_status IS 'Delivery status as reported by WhatsApp.';
COMMENT ON TABLE saas_conversations IS 'Conversations between a client and one of its customers.';
COMMENT ON COLUMN saas_conversations.client_id IS 'Owning client.';
COMMENT ON COLUMN saas_conversations.customer_phone IS 'Customer WhatsApp number in E.164 form.';
COMMENT ON COLUMN saas_conversations.customer_name IS 'Customer profile name, when WhatsApp shares it.';
COMMENT ON COLUMN saas_conversations.channel IS 'Messaging channel; whatsapp for now.';
COMMENT ON COLUMN saas_conversations.status IS 'Conversation status.';
COMMENT ON COLUMN saas_conversations.ai_enabled IS 'False once a person has taken the conversation over from the AI.';
COMMENT ON COLUMN saas_conversations.last_message_at IS 'Time of the latest message, for the inbox order.';
COMMENT ON COLUMN saas_conversations.closed_at IS 'When the conversation was closed; NULL while open.';
COMMENT ON COLUMN saas_conversations.metadata IS 'Channel-specific details as a JSON object.';
COMMENT ON TABLE saas_messages IS 'Every message of every conversation, with the AI response log for AI replies.';
COMMENT ON COLUMN saas_messages.conversation_id IS 'Conversation the message belongs to.';
COMMENT ON COLUMN saas_messages.client_id IS 'Owning client, repeated from the conversation for per-client queries.';
COMMENT ON COLUMN saas_messages.direction IS 'inbound or outbound.';
COMMENT ON COLUMN saas_messages.sender IS 'customer, ai, agent or system.';
COMMENT ON COLUMN saas_messages.content_type IS 'text, image, audio, document, location or template.';
COMMENT ON COLUMN saas_messages.body IS 'Message text, or the caption of a media message.';
COMMENT ON COLUMN saas_messages.media_url IS 'Location of the media file, for media messages.';
COMMENT ON COLUMN saas_messages.whatsapp_message_id IS 'WhatsApp message ID (wamid); unique, so a redelivered webhook is not stored twice.';
COMMENT ON COLUMN saas_messages.status IS 'Delivery status.';
COMMENT ON COLUMN saas_messages.error_message IS 'Why sending failed, when it did.';
COMMENT ON COLUMN saas_messages.ai_model IS 'Model that wrote the reply.';
COMMENT ON COLUMN saas_messages.ai_prompt_tokens IS 'Tokens in the prompt sent to the model.';
COMMENT ON COLUMN saas_messages.ai_completion_tokens IS 'Tokens in the model''s reply.';
COMMENT ON COLUMN saas_messages.ai_latency_ms IS 'Time the model took to answer, in milliseconds.';
COMMENT ON COLUMN saas_messages.ai_confidence IS 'Model confidence between 0 and 1; low values hand the conversation to a person.';
COMMENT ON COLUMN saas_messages.ai_knowledge_entry_ids IS 'Knowledge base entries given to the model as context.';
COMMENT ON COLUMN saas_messages.ai_metadata IS 'Further details of the AI call (temperature, tool calls) as JSON.';
COMMENT ON COLUMN saas_messages.sent_at IS 'When the message was sent or received.';
