-- RenameIndex
ALTER INDEX "comment_timeline" RENAME TO "Comment_fileId_createdAt_idx";
