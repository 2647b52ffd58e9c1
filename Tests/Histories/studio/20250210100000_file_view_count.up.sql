-- AlterTable
ALTER TABLE "File" ADD COLUMN     "viewCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastViewedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "File_projectId_lastViewedAt_idx" ON "File"("projectId", "lastViewedAt" DESC);
