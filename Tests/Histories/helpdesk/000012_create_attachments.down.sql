DROP TABLE attachment_thumbnails;
DROP TABLE attachments;
