-- DropTable
DROP TABLE "_ProjectToTag";

-- DropTable
DROP TABLE "Tag";
