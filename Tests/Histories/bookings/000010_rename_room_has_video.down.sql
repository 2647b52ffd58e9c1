BEGIN;
--
-- Rename field has_video on room to has_video_conferencing
--
ALTER TABLE "spaces_room" RENAME COLUMN "has_video_conferencing" TO "has_video";
COMMIT;
