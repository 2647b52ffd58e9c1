-- calendar sync now also imports from MS Teams (hand-written, see 000014)
alter type booking_source add value if not exists 'teams' after 'calendar_sync';
