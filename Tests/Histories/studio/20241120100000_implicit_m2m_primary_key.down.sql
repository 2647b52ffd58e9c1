-- CreateIndex
CREATE UNIQUE INDEX "_ProjectToTag_AB_unique" ON "_ProjectToTag"("A", "B");

-- AlterTable
ALTER TABLE "_ProjectToTag" DROP CONSTRAINT "_ProjectToTag_AB_pkey";
