CREATE TABLE sla_policies (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    priority ticket_priority NOT NULL,
    first_response interval NOT NULL,
    resolution interval NOT NULL,
    business_hours_only boolean DEFAULT true,
    UNIQUE (priority)
);

INSERT INTO sla_policies (name, priority, first_response, resolution) VALUES
    ('Low', 'low', '2 days', '10 days'),
    ('Normal', 'normal', '8 hours', '5 days'),
    ('High', 'high', '2 hours', '1 day'),
    ('Urgent', 'urgent', '30 minutes', '8 hours');
