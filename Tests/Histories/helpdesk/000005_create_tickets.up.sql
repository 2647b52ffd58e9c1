CREATE TABLE tickets (
    id bigserial PRIMARY KEY,
    subject text NOT NULL,
    status ticket_status NOT NULL DEFAULT 'new',
    priority ticket_priority NOT NULL DEFAULT 'normal',
    customer_id bigint NOT NULL REFERENCES customers (id),
    assignee_id int REFERENCES agents (id) ON DELETE SET NULL,
    tags text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON tickets (customer_id);
CREATE INDEX ON tickets USING gin (tags);
