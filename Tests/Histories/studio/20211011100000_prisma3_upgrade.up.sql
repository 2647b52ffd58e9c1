-- DropForeignKey
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_authorId_fkey";

-- DropForeignKey
ALTER TABLE "Share" DROP CONSTRAINT "Share_fileId_fkey";

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "File"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- RenameIndex
ALTER INDEX "User.email_unique" RENAME TO "User_email_key";

-- RenameIndex
ALTER INDEX "Project.workspaceId_index" RENAME TO "Project_workspaceId_idx";

-- RenameIndex
ALTER INDEX "File.projectId_index" RENAME TO "File_projectId_idx";

-- RenameIndex
ALTER INDEX "Version.fileId_number_unique" RENAME TO "Version_fileId_number_key";

-- RenameIndex
ALTER INDEX "Tag.workspaceId_name_unique" RENAME TO "Tag_workspaceId_name_key";

-- RenameIndex
ALTER INDEX "Subscription.workspaceId_unique" RENAME TO "Subscription_workspaceId_key";

-- RenameIndex
ALTER INDEX "Workspace.slug_unique" RENAME TO "Workspace_slug_key";
