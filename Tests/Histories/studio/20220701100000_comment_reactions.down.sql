-- DropTable
DROP TABLE "CommentReaction";
