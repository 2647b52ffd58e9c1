-- DropIndex
DROP INDEX "File_projectId_deletedAt_idx";

-- AlterTable
ALTER TABLE "File" DROP COLUMN "deletedAt";

-- CreateIndex
CREATE INDEX "File_projectId_idx" ON "File"("projectId");
