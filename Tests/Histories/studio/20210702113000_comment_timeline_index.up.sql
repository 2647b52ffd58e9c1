-- written by hand: the comment sidebar query was slow
CREATE INDEX ON "Comment" ("fileId", "createdAt");
ALTER TABLE "Comment" ADD CHECK (char_length("body") > 0);
