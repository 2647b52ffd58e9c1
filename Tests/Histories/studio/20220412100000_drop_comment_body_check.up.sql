-- Empty comments are allowed now (reactions-only threads). The check was added by hand in
-- 20210702113000 without a name; this is the name PostgreSQL gave it.
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_body_check";
