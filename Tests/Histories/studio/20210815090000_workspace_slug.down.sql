-- DropIndex
DROP INDEX "Workspace.slug_unique";

-- AlterTable
ALTER TABLE "Workspace" DROP COLUMN "slug";
