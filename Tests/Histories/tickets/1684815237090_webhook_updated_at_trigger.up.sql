-- the usual knex helper: on_update_timestamp() and one trigger per table
CREATE OR REPLACE FUNCTION on_update_timestamp()
RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ language 'plpgsql';

CREATE TRIGGER "webhook_endpoints_updated_at"
BEFORE UPDATE ON "webhook_endpoints"
FOR EACH ROW
EXECUTE PROCEDURE on_update_timestamp();
