-- Comments from agents or from the customer; exactly one author.
CREATE TABLE ticket_comments (	
    id bigserial PRIMARY KEY,  
    ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,  
    author_agent_id int REFERENCES agents (id),  
    author_customer_id bigint REFERENCES customers (id),  
    body text NOT NULL,  
    is_public boolean DEFAULT true,  
    created_at timestamptz NOT NULL DEFAULT now(),  
    CHECK ((author_agent_id IS NULL) <> (author_customer_id IS NULL))
);
CREATE INDEX ON ticket_comments (ticket_id, created_at);
