-- RenameIndex
ALTER INDEX "Comment_fileId_createdAt_idx" RENAME TO "comment_timeline";
