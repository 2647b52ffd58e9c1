DROP TABLE app_clients;
DROP TYPE app_client_plan;
