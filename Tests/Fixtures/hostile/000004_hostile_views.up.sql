-- Views named and shaped like generated members, keywords and other models; a materialized view.
CREATE VIEW "Member View" AS
    SELECT id, "default", "class", "pgValues", "self", "init", "rawValue", "values", "value", "row", "db",
           "Type", "select", "with space", "a""b", "*/", "\(x)", """""""", "🎉", "é", "2fa", "_",
           user_id, "userId", "userID"
    FROM members;
CREATE VIEW "select" AS SELECT token AS "from", id AS "where", "limit" FROM tokens;
CREATE VIEW members_view AS SELECT id AS "Draft", "default" AS "SQL", "class" AS "Column" FROM members;
CREATE MATERIALIZED VIEW "token counts" AS SELECT "limit", count(*) AS "count" FROM tokens GROUP BY "limit";
CREATE UNIQUE INDEX ON "token counts" ("limit");

-- Text that would end a raw string literal or start an escape in it, once embedded in
-- HostileMigrations (Migrations.swift): "# """# ##"""## \#(injected) \##u{41} \
COMMENT ON VIEW members_view IS '"""## \#(x) ##';
