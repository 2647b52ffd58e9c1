-- AlterTable
ALTER TABLE "User" DROP COLUMN "preferences";
