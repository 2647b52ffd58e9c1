-- CreateEnum
CREATE TYPE "ShareAccess" AS ENUM ('VIEW', 'COMMENT', 'EDIT');

-- CreateTable
-- (edited by hand before merging: "belt and braces" uniques; PostgreSQL keeps one index per key)
CREATE TABLE "Share" (
    "id" TEXT NOT NULL UNIQUE,
    "fileId" TEXT NOT NULL,
    "token" TEXT NOT NULL UNIQUE,
    "access" "ShareAccess" NOT NULL DEFAULT E'VIEW',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("id"),
    UNIQUE ("token")
);

-- AddForeignKey
ALTER TABLE "Share" ADD FOREIGN KEY ("fileId") REFERENCES "File"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
