-- DropTable
DROP TABLE "Share";

-- DropEnum
DROP TYPE "ShareAccess";
