-- DropIndex
DROP INDEX "File_projectId_idx";

-- AlterTable
ALTER TABLE "File" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "File_projectId_deletedAt_idx" ON "File"("projectId", "deletedAt");
