-- DropTable
DROP TABLE "Comment";
