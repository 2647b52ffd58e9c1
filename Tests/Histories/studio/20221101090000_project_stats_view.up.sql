-- Raw SQL (Prisma reads it through a `view ProjectStats` block, previewFeatures = ["views"])
CREATE VIEW "ProjectStats" AS
SELECT p."id" AS "projectId",
       count(f."id")::INTEGER AS "fileCount",
       COALESCE(sum(f."size"), 0)::BIGINT AS "totalBytes",
       max(f."updatedAt") AS "lastEditedAt"
  FROM "Project" p
  LEFT JOIN "File" f ON f."projectId" = p."id"
 GROUP BY p."id";
