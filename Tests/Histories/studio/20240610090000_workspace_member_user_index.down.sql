-- DropIndex
DROP INDEX "WorkspaceMember_userId_idx";
