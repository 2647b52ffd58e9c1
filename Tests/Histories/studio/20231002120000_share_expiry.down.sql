-- AlterTable
ALTER TABLE "Share" DROP COLUMN "expiresAt"
DROP COLUMN "passwordHash";
