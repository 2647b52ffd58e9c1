drop view device_overview;
