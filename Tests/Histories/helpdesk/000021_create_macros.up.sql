BEGIN;

CREATE TABLE macros (
    id serial PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL,
    created_by int REFERENCES agents (id)
);

INSERT INTO macros (title, body) VALUES
    ('Danke', 'Vielen Dank für Ihre Nachricht! Wir melden uns in Kürze.'),
    ('Closing', 'We''re closing this ticket — reply to reopen it.');

COMMIT;
