DELETE FROM tags WHERE name IN ('billing', 'bug', 'feature-request', 'données-personnelles', 'dringend 🔥');
