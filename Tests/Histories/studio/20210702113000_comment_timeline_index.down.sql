ALTER TABLE "Comment" DROP CONSTRAINT "Comment_body_check";
DROP INDEX "Comment_fileId_createdAt_idx";
