DROP VIEW "ProjectStats";
