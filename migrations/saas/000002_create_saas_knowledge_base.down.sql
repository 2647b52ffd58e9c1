DROP TABLE IF EXISTS saas_knowledge_base;
DROP TYPE IF EXISTS saas_knowledge_entry_type;
