-- DropForeignKey
ALTER TABLE "Share" DROP CONSTRAINT "Share_createdById_fkey";

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
