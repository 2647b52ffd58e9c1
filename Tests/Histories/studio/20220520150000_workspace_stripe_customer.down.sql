-- DropIndex
DROP INDEX "Workspace_stripeCustomerId_key";

-- AlterTable
ALTER TABLE "Workspace" DROP COLUMN "stripeCustomerId";
