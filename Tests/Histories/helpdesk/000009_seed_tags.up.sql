INSERT INTO tags (name) VALUES
    ('billing'),
    ('bug'),
    ('feature-request'),
    ('données-personnelles'),
    ('dringend 🔥');
