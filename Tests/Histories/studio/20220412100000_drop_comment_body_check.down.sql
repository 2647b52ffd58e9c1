ALTER TABLE "Comment" ADD CONSTRAINT "Comment_body_check" CHECK (char_length("body") > 0);
