CREATE TYPE plan_tier AS ENUM ('free', 'team', 'enterprise');
-- "default for column "plan" cannot be cast automatically": DEFAULT NULL on a varchar(40)
-- column is stored as NULL::character varying, so drop it first.
ALTER TABLE organizations ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE organizations ALTER COLUMN plan TYPE plan_tier
    USING (CASE WHEN plan IN ('team', 'enterprise') THEN plan ELSE 'free' END)::plan_tier;
