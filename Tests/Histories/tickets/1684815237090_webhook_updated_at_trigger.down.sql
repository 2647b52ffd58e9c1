DROP TRIGGER IF EXISTS "webhook_endpoints_updated_at" ON "webhook_endpoints";
DROP FUNCTION IF EXISTS on_update_timestamp();
