ALTER INDEX "Workspace_slug_key" RENAME TO "Workspace.slug_unique";
ALTER INDEX "Subscription_workspaceId_key" RENAME TO "Subscription.workspaceId_unique";
ALTER INDEX "Tag_workspaceId_name_key" RENAME TO "Tag.workspaceId_name_unique";
ALTER INDEX "Version_fileId_number_key" RENAME TO "Version.fileId_number_unique";
ALTER INDEX "File_projectId_idx" RENAME TO "File.projectId_index";
ALTER INDEX "Project_workspaceId_idx" RENAME TO "Project.workspaceId_index";
ALTER INDEX "User_email_key" RENAME TO "User.email_unique";

ALTER TABLE "Share" DROP CONSTRAINT "Share_fileId_fkey";
ALTER TABLE "Comment" DROP CONSTRAINT "Comment_authorId_fkey";
ALTER TABLE "Comment" ADD FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Share" ADD FOREIGN KEY ("fileId") REFERENCES "File"("id") ON DELETE CASCADE ON UPDATE CASCADE;
