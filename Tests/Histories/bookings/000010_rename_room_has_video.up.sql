BEGIN;
--
-- Rename field has_video on room to has_video_conferencing
--
ALTER TABLE "spaces_room" RENAME COLUMN "has_video" TO "has_video_conferencing";
COMMIT;
