DELETE FROM agents WHERE email = 'système@helpdesk.invalid';
ALTER TABLE agents DROP COLUMN nickname;
