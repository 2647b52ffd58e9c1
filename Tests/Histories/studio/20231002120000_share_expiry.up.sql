-- AlterTable
ALTER TABLE "Share" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "passwordHash" TEXT;
