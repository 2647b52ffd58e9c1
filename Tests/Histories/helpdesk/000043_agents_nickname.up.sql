ALTER TABLE agents ADD COLUMN nickname varchar(40) NULL DEFAULT NULL;

-- the bot that posts automatic replies
INSERT INTO agents (email, name, nickname, is_admin) VALUES ('système@helpdesk.invalid', 'Système', 'Bot 🤖', true);
