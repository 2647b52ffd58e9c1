-- DropIndex
DROP INDEX "File_projectId_lastViewedAt_idx";

-- AlterTable
ALTER TABLE "File" DROP COLUMN "lastViewedAt",
DROP COLUMN "viewCount";
