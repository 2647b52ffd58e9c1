-- DropTable
DROP TABLE "Project";

-- DropTable
DROP TABLE "WorkspaceMember";

-- DropTable
DROP TABLE "Workspace";

-- DropTable
DROP TABLE "User";

-- DropEnum
DROP TYPE "MemberRole";

-- DropEnum
DROP TYPE "Role";
