DROP TABLE IF EXISTS saas_messages;
DROP TABLE IF EXISTS saas_conversations;
DROP TYPE IF EXISTS saas_message_status;
DROP TYPE IF EXISTS saas_message_sender;
DROP TYPE IF EXISTS saas_message_direction;
DROP TYPE IF EXISTS saas_conversation_status;
