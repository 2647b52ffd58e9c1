DROP TABLE IF EXISTS saas_clients;
DROP FUNCTION IF EXISTS saas_set_updated_at();
DROP TYPE IF EXISTS saas_subscription_status;
DROP TYPE IF EXISTS saas_subscription_plan;
