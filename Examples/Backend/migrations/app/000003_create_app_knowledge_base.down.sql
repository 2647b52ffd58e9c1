DROP TABLE app_knowledge_base;
