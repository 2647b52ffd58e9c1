DROP MATERIALIZED VIEW "token counts";
DROP VIEW members_view;
DROP VIEW "select";
DROP VIEW "Member View";
