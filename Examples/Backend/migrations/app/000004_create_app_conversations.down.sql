DROP TABLE app_messages;
DROP TABLE app_conversations;
DROP TYPE app_message_role;
