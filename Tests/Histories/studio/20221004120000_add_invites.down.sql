-- DropForeignKey
ALTER TABLE "Invite" DROP CONSTRAINT "Invite_workspaceId_fkey"

-- DropTable
DROP TABLE "Invite";
