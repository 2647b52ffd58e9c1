drop trigger tickets_touch on tickets;
drop function touch_updated_at();
