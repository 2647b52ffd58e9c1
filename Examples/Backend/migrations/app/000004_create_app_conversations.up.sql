-- app_conversations and app_messages: a client's conversations with its customers.

CREATE TYPE app_message_role AS ENUM ('customer', 'assistant');

CREATE TABLE app_conversations (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id  uuid NOT NULL REFERENCES app_clients (id) ON DELETE CASCADE,
    customer   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX app_conversations_client_idx ON app_conversations (client_id);

CREATE TABLE app_messages (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    conversation_id uuid NOT NULL REFERENCES app_conversations (id) ON DELETE CASCADE,
    role            app_message_role NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT app_messages_body_not_empty CHECK (body <> '')
);

CREATE INDEX app_messages_conversation_idx ON app_messages (conversation_id, created_at);
