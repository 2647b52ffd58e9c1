drop view if exists booking_occupancy;
