-- AlterTable
ALTER TABLE "Project" DROP COLUMN "settings",
ADD COLUMN     "settings" TEXT;
