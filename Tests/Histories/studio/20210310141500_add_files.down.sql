-- DropTable
DROP TABLE "File";

-- DropEnum
DROP TYPE "FileKind";
